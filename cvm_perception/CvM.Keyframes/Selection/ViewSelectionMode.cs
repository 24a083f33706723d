namespace CvM.Keyframes.Selection;

/// <summary>How the network is fed for one frame.</summary>
public enum ViewSelectionMode
{
    /// <summary>The reference is duplicated as both sources with identity relative poses (single-view inference).</summary>
    Duplicate = 0,

    /// <summary>Two distinct keyframes are the sources.</summary>
    Multiview = 1,

    /// <summary>One keyframe is both sources (<see cref="SingleViewPolicy.UseSingleViewTwice"/>).</summary>
    SingleViewTwice = 2,
}
