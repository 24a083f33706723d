namespace CvM.Inference;

/// <summary>
/// The per-view part of one frame, prepared once by <see cref="CvmModel.PrepareView"/> and reusable as a source view
/// later (the keyframe ring buffer keeps these): for a whole-graph model the normalised planar RGB at the model size,
/// for a split model the feature maps of <see cref="CvmModel.FeatureNames"/> (<c>f4, f8, f16, m8</c>, and <c>k4</c>
/// when the model has fine matching features), computed once when the view is prepared and never again while it is
/// kept as a keyframe; plus K and K^-1 at the model size. Created by
/// <see cref="CvmModel.CreateViewCache"/> (allocates; do it at start-up or per keyframe slot, then reuse).
/// Ownership: the caller owns it; plain managed arrays, nothing to dispose. Only valid with the model that made it.
/// </summary>
public sealed class ViewCache
{
    internal ViewCache(CvmModel owner, int imageFloats, int[] featureFloats)
    {
        Owner = owner;
        ImageC3HW = new float[imageFloats];
        Features = featureFloats.Select(n => new float[n]).ToArray();
    }

    internal CvmModel Owner { get; }

    /// <summary>Normalised planar RGB at the model size (whole-graph models; empty for split models).</summary>
    internal float[] ImageC3HW { get; }

    /// <summary>Feature maps in <see cref="CvmModel.FeatureNames"/> order (split models; empty otherwise).</summary>
    internal float[][] Features { get; }

    internal float[] K9 { get; } = new float[9];

    internal float[] InvK9 { get; } = new float[9];

    /// <summary>Bumped whenever the content may change (PrepareView, CopyFrom), so the model can skip reloading it.</summary>
    internal long Version { get; set; }

    /// <summary>True after a successful <see cref="CvmModel.PrepareView"/>.</summary>
    public bool IsPrepared { get; internal set; }

    /// <summary>Width of the camera image it was prepared from.</summary>
    public int CameraWidth { get; internal set; }

    /// <summary>Height of the camera image it was prepared from.</summary>
    public int CameraHeight { get; internal set; }

    /// <summary>Copies another prepared view's content into this one (same model); no allocation.</summary>
    public void CopyFrom(ViewCache other)
    {
        if (other.Owner != Owner) throw new ArgumentException("view caches of different models", nameof(other));
        Version++;
        other.ImageC3HW.CopyTo(ImageC3HW, 0);
        for (var i = 0; i < Features.Length; i++) other.Features[i].CopyTo(Features[i], 0);
        other.K9.CopyTo(K9, 0);
        other.InvK9.CopyTo(InvK9, 0);
        (IsPrepared, CameraWidth, CameraHeight) = (other.IsPrepared, other.CameraWidth, other.CameraHeight);
    }
}
