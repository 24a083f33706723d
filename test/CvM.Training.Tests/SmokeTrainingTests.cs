using CvM.Training.Nn;
using CvM.Training.Train;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>Acceptance 5: a short training run on the built-in ray-cast rooms; the loss falls.</summary>
public class SmokeTrainingTests
{
    [Fact]
    public void Trainer_SmallRun_LossFallsAndResumeContinues()
    {
        TorchFixture.Ensure();
        var run = Path.Combine(Path.GetTempPath(), "cvm_smoke_" + Guid.NewGuid().ToString("N"));
        var cfg = SmallConfig(steps: 24, batchSize: 2, checkpointEvery: 12);
        try
        {
            var first = new Trainer(cfg, run).Run(untilStep: 12);
            Assert.Equal(12, first.Count);
            var second = new Trainer(cfg, run).Run(); // resumes from step 12
            Assert.Equal(12, second.Count);
            var all = first.Concat(second).Select(t => t.Total).ToList();
            double head = all.Take(4).Average(), tail = all.TakeLast(4).Average();
            Assert.True(tail < 0.85 * head, $"loss did not fall: first {head:F3}, last {tail:F3}");
            Assert.True(File.Exists(Path.Combine(run, "step_24.weights")));
            Assert.Equal(25, File.ReadAllLines(Path.Combine(run, "loss.csv")).Length);
        }
        finally
        {
            if (Directory.Exists(run)) Directory.Delete(run, true);
        }
    }

    [Fact]
    public void Trainer_ResumeWithLowerLearningRate_ConfigRateReplacesTheSavedOne()
    {
        TorchFixture.Ensure();
        var run = Path.Combine(Path.GetTempPath(), "cvm_lr_" + Guid.NewGuid().ToString("N"));
        var cfg = SmallConfig(steps: 4, batchSize: 1, checkpointEvery: 2);
        try
        {
            new Trainer(cfg, run).Run(untilStep: 2);
            // a rate so small that the two Adam steps below cannot move any weight by more than ~1e-29; had the saved
            // rate (1e-3) been kept, the weights would move by about 1e-3
            new Trainer(cfg with { LearningRate = 1e-30 }, run).Run();
            using var a = Trainer.CreateNet(cfg);
            using var b = Trainer.CreateNet(cfg);
            a.load(Path.Combine(run, "step_2.weights"));
            b.load(Path.Combine(run, "step_4.weights"));
            double maxDiff = 0;
            foreach (var (pa, pb) in a.parameters().Zip(b.parameters()))
                maxDiff = Math.Max(maxDiff, (pa - pb).abs().max().item<float>());
            Assert.True(maxDiff < 1e-20, $"weights moved by {maxDiff:E2} after resuming at a learning rate of 1e-30");
        }
        finally
        {
            if (Directory.Exists(run)) Directory.Delete(run, true);
        }
    }

    /// <summary>A 64x64 network small enough for a test, learning rate 1e-3.</summary>
    private static TrainConfig SmallConfig(int steps, int batchSize, int checkpointEvery) => new()
    {
        Seed = 3, DataSeed = 77, Steps = steps, BatchSize = batchSize, LearningRate = 1e-3, CheckpointEvery = checkpointEvery,
        Net = new CvmNetOptions { ImageHeight = 64, ImageWidth = 64, Planes = 16, Channels = 32, Heads = 2, Window = 4, FineChannels = 16 },
        Threads = 2,
    };
}
