using System.Text.Json;
using CvM.Training.Nn;
using TorchSharp;

namespace CvM.Training.Train;

/// <summary>Checkpoint metadata stored as <c>step_N.json</c> beside <c>step_N.weights</c> and the optimiser states.</summary>
public sealed record CheckpointInfo(int Step, double ElapsedSeconds, TrainConfig Config);

/// <summary>
/// Checkpoint files of a run folder: <c>step_N.weights</c> (TorchSharp state dict of the network),
/// <c>step_N.adam</c> / <c>step_N.adam_enc</c> (optimiser states), <c>step_N.json</c> (step, time, config) and
/// <c>latest.json</c> (a copy of the newest metadata).
/// </summary>
public static class Checkpoint
{
    /// <summary>Writes a checkpoint and updates <c>latest.json</c>.</summary>
    public static string Save(string runDir, CvmNet net, TorchSharp.Modules.OptimizerHelper head, TorchSharp.Modules.OptimizerHelper encoder, CheckpointInfo info)
    {
        Directory.CreateDirectory(runDir);
        var stem = Path.Combine(runDir, $"step_{info.Step}");
        net.save(stem + ".weights");
        head.save_state_dict(stem + ".adam");
        encoder.save_state_dict(stem + ".adam_enc");
        var json = JsonSerializer.Serialize(info, TrainConfig.Json);
        File.WriteAllText(stem + ".json", json);
        File.WriteAllText(Path.Combine(runDir, "latest.json"), json);
        return stem + ".weights";
    }

    /// <summary>Reads <c>latest.json</c> of a run, or null when there is none.</summary>
    public static CheckpointInfo? Latest(string runDir)
    {
        var p = Path.Combine(runDir, "latest.json");
        return File.Exists(p) ? JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(p), TrainConfig.Json) : null;
    }

    /// <summary>Reads the metadata next to a <c>.weights</c> file.</summary>
    public static CheckpointInfo ReadInfo(string weightsPath) =>
        JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(Path.ChangeExtension(weightsPath, ".json")), TrainConfig.Json)
        ?? throw new InvalidDataException("bad checkpoint metadata for " + weightsPath);

    /// <summary>
    /// Creates the network of a checkpoint and loads its weights; <paramref name="imageHeight"/> and
    /// <paramref name="imageWidth"/> build it for another input size (the weights do not depend on it), and the returned
    /// info then records that size.
    /// </summary>
    public static (CvmNet Net, CheckpointInfo Info) LoadNet(string weightsPath, int? imageHeight = null, int? imageWidth = null)
    {
        var info = ReadInfo(weightsPath);
        if (imageHeight is not null || imageWidth is not null)
            info = info with { Config = info.Config with { Net = info.Config.Net with
            {
                ImageHeight = imageHeight ?? info.Config.Net.ImageHeight,
                ImageWidth = imageWidth ?? info.Config.Net.ImageWidth,
            } } };
        var net = new CvmNet(info.Config.Net);
        net.load(weightsPath);
        net.eval();
        return (net, info);
    }
}
