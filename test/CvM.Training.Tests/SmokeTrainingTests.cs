using CvM.Training.Nn;
using CvM.Training.Train;

namespace CvM.Training.Tests;

/// <summary>Acceptance 5: a short training run on the built-in ray-cast rooms; the loss falls.</summary>
public class SmokeTrainingTests
{
    [Fact]
    public void Trainer_SmallRun_LossFallsAndResumeContinues()
    {
        TorchFixture.Ensure();
        var run = Path.Combine(Path.GetTempPath(), "cvm_smoke_" + Guid.NewGuid().ToString("N"));
        var cfg = new TrainConfig
        {
            Seed = 3, DataSeed = 77, Steps = 24, BatchSize = 2, LearningRate = 1e-3, CheckpointEvery = 12,
            Net = new CvmNetOptions { ImageHeight = 64, ImageWidth = 64, Planes = 16, Channels = 32, Heads = 2, Window = 4, FineChannels = 16 },
            Threads = 2,
        };
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
}
