namespace CvM.Pipeline.Diagnostics;

/// <summary>The pipeline's input streams whose transport counters the diagnostics carry.</summary>
public enum InputStream
{
    /// <summary>Camera images.</summary>
    Image,

    /// <summary>Camera infos.</summary>
    CameraInfo,

    /// <summary>Odometry poses.</summary>
    Odometry,

    /// <summary>Dynamic transforms (<c>/tf</c>).</summary>
    Tf,

    /// <summary>Static transforms (<c>/tf_static</c>).</summary>
    TfStatic,
}
