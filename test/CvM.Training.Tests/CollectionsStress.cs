using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>
/// Collections and finalizers as often as they can run, on one thread, and small libtorch allocations on another,
/// which reuse whatever a finalizer freed too early (as other libtorch work in the same process did when two exports
/// differed). Runs from construction until <see cref="DisposeAsync"/>. The churn holds its Scalars in locals, alpha
/// included (written inline, or <c>add(one)</c> with its temporary alpha, they would race the collections
/// themselves), and draws no random numbers (the global generator belongs to the tests' seeds). Use it only in
/// <see cref="CollectionsStressCollection"/>.
/// </summary>
internal sealed class CollectionsStress : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _collector, _churn;

    public CollectionsStress()
    {
        var token = _stop.Token;
        _collector = Task.Run(() =>
        {
            while (!token.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        _churn = Task.Run(() =>
        {
            using var three = 3.0.ToScalar();
            using var one = 1.0.ToScalar();
            while (!token.IsCancellationRequested)
            {
                using var scope = NewDisposeScope();
                for (int i = 0; i < 64; i++) _ = ones(i + 1).mul(three).add(one, one);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _collector;
            await _churn;
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
