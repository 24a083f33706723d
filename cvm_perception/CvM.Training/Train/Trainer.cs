using System.Diagnostics;
using System.Globalization;
using CvM.Training.Data;
using CvM.Training.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Train;

/// <summary>
/// The training loop: seeded sample order, a share of duplicated samples, two Adam optimisers (pretrained encoder
/// with a lower rate), checkpoints every <see cref="TrainConfig.CheckpointEvery"/> steps with resume from
/// <c>latest.json</c>, a console progress bar (stderr) and a CSV loss log (<c>loss.csv</c>) in the run folder.
/// </summary>
public sealed class Trainer(TrainConfig config, string runDir, TextWriter? progress = null)
{
    /// <summary>Creates the data source named by the config.</summary>
    public static ITripletSource CreateSource(TrainConfig c, int dataSeed) => c.Source switch
    {
        "synthetic" => new SyntheticTripletSource(dataSeed, c.Net.ImageWidth, c.Net.ImageHeight, heldOut: false, c.Synthetic),
        _ => new BoxRoomSource(dataSeed, c.Net.ImageWidth, c.Net.ImageHeight),
    };

    /// <summary>Creates the network with the pretrained encoder loaded as the config says.</summary>
    public static CvmNet CreateNet(TrainConfig c)
    {
        var net = new CvmNet(c.Net);
        if (c.Pretrained != "none")
        {
            var path = c.Pretrained.Length > 0 ? c.Pretrained : Path.Combine(AppContext.BaseDirectory, "pretrained", "ResNet18.onnx");
            ResNet18Loader.Load(net.Encoder, path);
        }
        return net;
    }

    /// <summary>Runs (or resumes) training up to <paramref name="untilStep"/> (default: the config's steps); returns the loss log.</summary>
    public List<LossTerms> Run(int? untilStep = null)
    {
        config.Validate();
        torch.set_num_threads(config.Threads);
        torch.manual_seed(config.Seed);
        Directory.CreateDirectory(runDir);
        using var net = CreateNet(config);
        net.FreezeEncoder = config.FreezeEncoder;
        var encParams = net.Encoder.parameters().ToList();
        var encSet = new HashSet<TorchSharp.Modules.Parameter>(encParams);
        var headParams = net.parameters().Where(p => !encSet.Contains(p)).ToList();
        using var optHead = optim.Adam(headParams, config.LearningRate);
        using var optEnc = optim.Adam(encParams, Math.Max(config.EncoderLearningRate, 1e-12));
        int step = 0;
        double elapsedBefore = 0;
        var latest = Checkpoint.Latest(runDir);
        if (latest is not null)
        {
            var stem = Path.Combine(runDir, $"step_{latest.Step}");
            net.load(stem + ".weights");
            optHead.load_state_dict(stem + ".adam");
            optEnc.load_state_dict(stem + ".adam_enc");
            // The saved optimiser state carries the learning rate it was saved with; the config's rate wins, so a
            // later stage can lower it (models/README.md lists each stage's rate and step range).
            foreach (var g in optHead.ParamGroups) g.LearningRate = config.LearningRate;
            foreach (var g in optEnc.ParamGroups) g.LearningRate = Math.Max(config.EncoderLearningRate, 1e-12);
            step = latest.Step;
            elapsedBefore = latest.ElapsedSeconds;
            progress?.WriteLine($"resumed from step {step}");
        }
        else
        {
            if (config.InitFrom.Length > 0)
            {
                net.load(config.InitFrom, strict: false);
                progress?.WriteLine($"initialised from {config.InitFrom}");
            }
            File.WriteAllText(Path.Combine(runDir, "loss.csv"), "step,elapsed_s,total,depth_l1_log,silog,semantic_ce,normal_cos\n");
            File.WriteAllText(Path.Combine(runDir, "config.json"), System.Text.Json.JsonSerializer.Serialize(config, TrainConfig.Json));
        }
        var source = CreateSource(config, config.DataSeed);
        int end = Math.Min(untilStep ?? config.Steps, config.Steps);
        var log = new List<LossTerms>();
        var clock = Stopwatch.StartNew();
        net.TrainMode();
        while (step < end)
        {
            // The batch is made on this thread, between steps, not on a worker beside the step. TorchSharp passes
            // temporary Scalars (every inline `t * 0.5f`, the alpha of every `a + b`, Adam's own) to native ops with
            // nothing referencing them during the call. A collection during that call can finalize one, and the op
            // then reads freed memory: the "Expected false to be true" from c10::Scalar::toFloat that killed the
            // trainer every few minutes (models/README.md; ExportDeterminismTests shows the mechanism). Collections
            // are triggered by managed allocations. The worker that rendered the next batch allocated all through
            // the step, so its collections fell inside native calls. With the batch made here, a collection can only
            // start while this thread is in managed code, between native calls.
            using var batch = MakeBatch(source, step);
            LossTerms terms;
            using (var scope = NewDisposeScope())
            {
                optHead.zero_grad();
                optEnc.zero_grad();
                var outs = net.Forward(batch.Ref, batch.Src1, batch.Src2, batch.K, batch.InvK, batch.T1, batch.T2, batch.DepthRange);
                var (loss, t) = Losses.Compute(outs, batch, config);
                terms = t;
                if (!double.IsFinite(t.Total)) throw new InvalidOperationException($"non-finite loss at step {step}");
                loss.backward();
                optHead.step();
                if (config.EncoderLearningRate > 0 && !config.FreezeEncoder) optEnc.step();
            }
            step++;
            log.Add(terms);
            double elapsed = elapsedBefore + clock.Elapsed.TotalSeconds;
            File.AppendAllText(Path.Combine(runDir, "loss.csv"), string.Create(CultureInfo.InvariantCulture,
                $"{step},{elapsed:F1},{terms.Total:F5},{terms.DepthL1:F5},{terms.Silog:F5},{terms.Semantic:F5},{terms.Normal:F5}\n"));
            ProgressBar(step, end, terms, clock.Elapsed.TotalSeconds / Math.Max(1, log.Count));
            if (step % config.CheckpointEvery == 0 || step == end)
            {
                Checkpoint.Save(runDir, net, optHead, optEnc, new CheckpointInfo(step, elapsed, config));
                net.TrainMode();
            }
        }
        progress?.WriteLine();
        return log;
    }

    private Batch MakeBatch(ITripletSource source, int step)
    {
        var rng = new Random(SeedMix.Seed(config.Seed, step));
        var samples = Enumerable.Range(0, config.BatchSize).Select(i => source.Get((long)step * config.BatchSize + i)).ToList();
        var dup = samples.Select(_ => rng.NextDouble() < config.DuplicateFraction).ToList();
        return BatchBuilder.Build(samples, dup, config.DepthMin, config.DepthMax);
    }

    private void ProgressBar(int step, int end, LossTerms t, double secPerStep)
    {
        if (progress is null) return;
        const int width = 30;
        int filled = (int)((long)width * step / end);
        var eta = TimeSpan.FromSeconds(secPerStep * (end - step));
        progress.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', width - filled)}] {step}/{end} loss {t.Total:F4} (depth {t.DepthL1:F3} sem {t.Semantic:F3} nrm {t.Normal:F3}) {secPerStep:F2} s/step eta {(int)eta.TotalHours}:{eta:mm\\:ss}  "));
    }
}
