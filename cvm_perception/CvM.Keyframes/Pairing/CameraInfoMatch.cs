namespace CvM.Keyframes.Pairing;

/// <summary>Which camera_info an image was paired with.</summary>
public enum CameraInfoMatch
{
    /// <summary>None (the image was dropped).</summary>
    None = 0,

    /// <summary>The camera_info of the same frame whose stamp is nearest the image's, within the tolerance.</summary>
    SameStamp = 1,

    /// <summary>No camera_info within the tolerance: the latest one of the same frame.</summary>
    Latest = 2,
}
