namespace CvM.Inference.Tests;

public sealed class OrtSessionFactoryTests
{
    [Fact]
    public void Create_AutoDevice_UsesCudaExactlyWhenCudaAloneLoads()
    {
        using var dir = new TempDir();
        FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var model = dir.File("fixture.onnx");
        string? cudaError = null;
        try
        {
            using var cuda = OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Cuda }, out var cudaSel);
            Assert.Equal(ExecutionProvider.Cuda, cudaSel.Provider);
        }
        catch (CudaUnavailableException e)
        {
            cudaError = e.Reason;
        }
        using var session = OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Auto }, out var sel);
        Assert.Equal(InferenceDevice.Auto, sel.Requested);
        if (cudaError is null)
        {
            Assert.Equal(ExecutionProvider.Cuda, sel.Provider);
            Assert.Null(sel.FallbackReason);
        }
        else
        {
            // No usable CUDA here (this development machine has no GPU): CPU, with ONNX Runtime's reason recorded.
            Assert.Equal(ExecutionProvider.Cpu, sel.Provider);
            Assert.True(sel.FellBack);
            Assert.Contains(cudaError, sel.FallbackReason);
            Assert.Contains("CUDA", sel.ToString());
        }
        Assert.Equal(8, session.InputMetadata.Count);
    }

    [SkippableFact]
    public void Create_CudaDeviceWithoutCuda_ThrowsTypedErrorNamingModel()
    {
        using var dir = new TempDir();
        FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var model = dir.File("fixture.onnx");
        try
        {
            using var s = OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Cuda }, out _);
            Skip.If(true, "the CUDA provider loads on this machine");
        }
        catch (CudaUnavailableException e)
        {
            Assert.Equal(model, e.ModelPath);
            Assert.Contains(model, e.Message);
            Assert.Contains("device=cuda", e.Message);
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        }
    }

    [Fact]
    public void Create_CpuDevice_CpuWithoutFallbackReason()
    {
        using var dir = new TempDir();
        FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        using var s = OrtSessionFactory.Create(dir.File("fixture.onnx"), new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 }, out var sel);
        Assert.Equal(new ProviderSelection(ExecutionProvider.Cpu, InferenceDevice.Cpu, null), sel);
    }

    [Fact]
    public void Create_MissingFile_ThrowsFileNotFoundNamingPath()
    {
        using var dir = new TempDir();
        var path = dir.File("none.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => OrtSessionFactory.Create(path, new InferenceOptions(), out _));
        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("auto", InferenceDevice.Auto)]
    [InlineData("CUDA", InferenceDevice.Cuda)]
    [InlineData(" cpu ", InferenceDevice.Cpu)]
    public void ParseDevice_KnownNames_Parsed(string text, InferenceDevice expected) => Assert.Equal(expected, InferenceOptions.ParseDevice(text));

    [Fact]
    public void Validate_NegativeThreads_ThrowsNamingField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InferenceOptions { IntraOpThreads = -1 }.Validate());
        Assert.Equal("IntraOpThreads", e.ParamName);
    }
}
