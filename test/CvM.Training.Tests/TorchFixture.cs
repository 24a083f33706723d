using TorchSharp;

namespace CvM.Training.Tests;

/// <summary>Keeps libtorch to 2 threads (the machine has 2 cores shared with other builds) and seeds it.</summary>
internal static class TorchFixture
{
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
