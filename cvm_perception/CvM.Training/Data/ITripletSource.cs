namespace CvM.Training.Data;

/// <summary>A deterministic source of training or evaluation samples: the same index gives the same sample.</summary>
public interface ITripletSource
{
    /// <summary>Sample number <paramref name="index"/> (thread-safe; allocates the returned sample).</summary>
    ViewTriplet Get(long index);
}
