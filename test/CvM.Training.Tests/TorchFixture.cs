using TorchSharp;

namespace CvM.Training.Tests;

/// <summary>
/// Keeps libtorch to 2 threads (the machine has 2 cores shared with other builds) and seeds it. Every test class
/// that seeds libtorch is in <see cref="Collection"/>, so they run one after another: the seed is global, and test
/// classes running in parallel drew each other's random numbers (random weights then depended on timing).
/// </summary>
internal static class TorchFixture
{
    /// <summary>The xunit collection of the test classes that use libtorch's global random generator.</summary>
    public const string Collection = "libtorch";

    private static readonly Lazy<bool> Init = new(() =>
    {
        torch.set_num_threads(2);
        return true;
    });

    public static void Ensure(int seed = 1234)
    {
        _ = Init.Value;
        torch.manual_seed(seed);
    }
}
