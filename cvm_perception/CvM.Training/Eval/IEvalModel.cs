namespace CvM.Training.Eval;

/// <summary>An exported model the eval verb runs (whole graph or keyframe-cache pair), at its input size. Owns its sessions.</summary>
public interface IEvalModel : ICvmPredictor, IDisposable
{
    /// <summary>Model input height.</summary>
    int Height { get; }

    /// <summary>Model input width.</summary>
    int Width { get; }
}
