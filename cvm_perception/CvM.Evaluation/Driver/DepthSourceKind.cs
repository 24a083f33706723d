namespace CvM.Evaluation.Driver;

/// <summary>What a depth source's numbers mean in a report.</summary>
public enum DepthSourceKind
{
    /// <summary>A trivial predictor: the floor any real model must beat.</summary>
    Baseline,

    /// <summary>Uses ground truth it should not have (e.g. the previous frame's): an optimistic reference, not a competitor.</summary>
    OracleReference,

    /// <summary>A real predictor (the network).</summary>
    Model,
}
