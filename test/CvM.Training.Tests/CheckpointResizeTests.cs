using CvM.TestSupport;
using CvM.Training.Nn;
using CvM.Training.Train;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>
/// <see cref="Checkpoint.LoadNet"/> at another input size (<c>export --height/--width</c>): the weights do not depend on
/// the size, so the same state loads into the network built for the new size and runs there.
/// </summary>
public sealed class CheckpointResizeTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cvm_ckpt_resize_");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void LoadNet_OtherInputSize_SameWeightsAndOutputsAtTheNewSize()
    {
        TorchFixture.Ensure(5);
        var weights = Path.Combine(_dir.FullName, "step_7.weights");
        using (var net = OnnxParityTests.RandomNet(OnnxParityTests.Shipped))
        {
            net.save(weights);
            var config = TrainConfig.Load(Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Training", "configs", "cvm_96x128.json"));
            File.WriteAllText(Path.ChangeExtension(weights, ".json"),
                System.Text.Json.JsonSerializer.Serialize(new CheckpointInfo(7, 1.0, config), TrainConfig.Json));
        }

        var (small, smallInfo) = Checkpoint.LoadNet(weights);
        var (large, largeInfo) = Checkpoint.LoadNet(weights, 192, 256);
        using (small)
        using (large)
        {
            Assert.Equal((96, 128), (smallInfo.Config.Net.ImageHeight, smallInfo.Config.Net.ImageWidth));
            Assert.Equal((192, 256), (large.Options.ImageHeight, large.Options.ImageWidth));
            Assert.Equal((192, 256), (largeInfo.Config.Net.ImageHeight, largeInfo.Config.Net.ImageWidth));
            Assert.Equal(7, largeInfo.Step);
            var a = small.state_dict();
            var b = large.state_dict();
            Assert.Equal(a.Keys.Order(), b.Keys.Order());
            foreach (var (name, t) in a) Assert.True(t.equal(b[name]).all().item<bool>(), name);

            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var img = rand(1, 3, 192, 256);
            var K = tensor(new float[] { 220, 0, 128, 0, 220, 96, 0, 0, 1 }).reshape(1, 3, 3);
            var invK = K.inverse();
            var eye4 = eye(4).unsqueeze(0);
            var range = tensor(new float[] { 0.3f, 10f }).reshape(1, 2);
            var o = large.Forward(img, img, img, K, invK, eye4, eye4, range);
            Assert.Equal([1L, 1, 192, 256], o.DepthB1HW.shape);
            Assert.True(o.DepthB1HW.isfinite().all().item<bool>());
            using var lo = (0.3f - 1e-3f).ToScalar();
            using var hi = (10f + 1e-2f).ToScalar();
            Assert.True(o.DepthB1HW.ge(lo).all().item<bool>() && o.DepthB1HW.le(hi).all().item<bool>());
        }
        Assert.Throws<ArgumentException>(() => Checkpoint.LoadNet(weights, 100, 128)); // not a multiple of 32
    }
}
