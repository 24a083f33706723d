namespace CvM.Ros.Dds.Types;

/// <summary>How a field repeats its element: not at all, a fixed array, a sequence or a bounded sequence.</summary>
public enum DdsCollection
{
    None,
    Array,
    Sequence,
    BoundedSequence,
}
