using System.Diagnostics;
using CvM.Geometry;
using CvM.Inference.Internal;
using Microsoft.ML.OnnxRuntime;

namespace CvM.Inference;

/// <summary>
/// A checked CvM model on ONNX Runtime with every tensor allocated and bound once. Per frame:
/// <see cref="PrepareView"/> turns a camera image into a <see cref="ViewCache"/> (pre-processing, and for a split model
/// the per-view feature graph), then <see cref="Infer"/> (two source views with poses) or <see cref="InferDuplicated"/>
/// (the reference copied into both source slots, identity poses) runs the network and post-processes into
/// <see cref="CvmOutputs"/> at the camera resolution. Malformed frames give a <see cref="FrameRejection"/>, never an
/// exception; start-up problems throw (<see cref="ModelManifestException"/>, <see cref="CudaUnavailableException"/>).
/// Ownership: owns its sessions, bindings and buffers (dispose it); not thread-safe (one inference thread).
/// </summary>
public sealed class CvmModel : IDisposable
{
    private readonly BoundGraph _main;
    private readonly BoundGraph? _features;
    private readonly ImagePreprocessor _pre;
    private readonly OutputPostprocessor _post;
    private readonly float[] _imageRef, _imageSrc1, _imageSrc2, _K, _invK, _T1, _T2;
    private readonly string[] _featureNames = [];
    private readonly float[][] _featureOutputs = [], _refFeatures = [], _src1Features = [], _src2Features = [];
    private readonly int[] _sourceFeatureIndex = [];
    private readonly int _imageFloats;
    private readonly int[] _featureFloats = [];
    private readonly ViewCache?[] _slotViews = new ViewCache?[3];
    private readonly long[] _slotVersions = new long[3];
    private double _preMs, _featMs, _preCpuMs;

    private CvmModel(string manifestPath, ModelManifest manifest, InferenceOptions options)
    {
        ManifestPath = Path.GetFullPath(manifestPath);
        Manifest = manifest;
        Options = options;
        var norm = PixelNormalisation.Parse(manifest.Normalisation);
        int w = manifest.InputWidth, h = manifest.InputHeight;
        _imageFloats = 3 * w * h;
        try
        {
            if (manifest.Split is { } split)
            {
                _features = Open(split.Features, options, out var featureProvider);
                _main = Open(split.MultiView, options, out var mainProvider);
                Provider = mainProvider.Provider == featureProvider.Provider ? mainProvider
                    : throw new ModelManifestException(ManifestPath, "the two split graphs opened on different providers");
                var features = _features;
                _featureNames = ModelContract.FeatureOutputs
                    .Concat(ModelContract.OptionalFeatureOutputs.Where(f => split.Features.Outputs.Any(t => t.Name == f))).ToArray();
                _featureOutputs = _featureNames.Select(f => features[f]).ToArray();
                _featureFloats = _featureOutputs.Select(a => a.Length).ToArray();
                var main = _main;
                _refFeatures = _featureNames.Select(f => main["ref_" + f]).ToArray();
                _sourceFeatureIndex = Enumerable.Range(0, _featureNames.Length).Where(i => ModelContract.SourceFeatures.Contains(_featureNames[i])).ToArray();
                _src1Features = _sourceFeatureIndex.Select(i => main["src1_" + _featureNames[i]]).ToArray();
                _src2Features = _sourceFeatureIndex.Select(i => main["src2_" + _featureNames[i]]).ToArray();
                (_imageRef, _imageSrc1, _imageSrc2) = (_features["image"], [], []);
            }
            else
            {
                _main = Open(new ManifestGraph { Model = manifest.Model, Sha256 = manifest.Sha256, Inputs = manifest.Inputs, Outputs = manifest.Outputs }, options, out var p);
                Provider = p;
                (_imageRef, _imageSrc1, _imageSrc2) = (_main["image_ref"], _main["image_src1"], _main["image_src2"]);
            }
            (_K, _invK, _T1, _T2) = (_main["K"], _main["invK"], _main["T_src1_ref"], _main["T_src2_ref"]);
            var range = _main["depth_range"];
            (range[0], range[1]) = (manifest.DepthMin, manifest.DepthMax);
            _pre = new ImagePreprocessor(w, h, norm);
            _post = new OutputPostprocessor(w, h, manifest, options.DepthResize, _main["depth"], _main["semantic_logits"], _main["normals"]);
        }
        catch
        {
            _features?.Dispose();
            _main?.Dispose();
            throw;
        }
    }

    /// <summary>Absolute path of the manifest.</summary>
    public string ManifestPath { get; }

    /// <summary>The checked manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The options it was opened with.</summary>
    public InferenceOptions Options { get; }

    /// <summary>The execution provider in use and the reason for any CPU fallback.</summary>
    public ProviderSelection Provider { get; }

    /// <summary>True for the split export (per-view features cached in <see cref="ViewCache"/>).</summary>
    public bool IsSplit => _features is not null;

    /// <summary>
    /// Names of the per-view features a split model caches in each <see cref="ViewCache"/>, in order
    /// (<c>f4, f8, f16, m8</c>, then <c>k4</c> when the model has fine matching features); empty for a whole graph.
    /// </summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Model input width.</summary>
    public int InputWidth => Manifest.InputWidth;

    /// <summary>Model input height.</summary>
    public int InputHeight => Manifest.InputHeight;

    /// <summary>How many times the per-view feature graph ran (split models): once per <see cref="PrepareView"/>, never in <see cref="Infer"/>.</summary>
    internal long FeatureGraphRuns { get; private set; }

    /// <summary>Stage times of the last <see cref="PrepareView"/> + <see cref="Infer"/>.</summary>
    public StageTimings LastTimings { get; private set; }

    /// <summary>The ONNX Runtime error of the last <see cref="FrameRejection.RuntimeError"/>, or null.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Depth output at the model size <c>[1,1,H,W]</c> (NaN where invalid once post-processed), valid until the next Infer.</summary>
    public ReadOnlySpan<float> RawDepthB1HW => _main["depth"];

    /// <summary>Raw semantic logits at the model size <c>[1,C,H,W]</c>, valid until the next Infer.</summary>
    public ReadOnlySpan<float> RawSemanticLogitsBCHW => _main["semantic_logits"];

    /// <summary>Raw normals at the model size <c>[1,3,H,W]</c>, valid until the next Infer.</summary>
    public ReadOnlySpan<float> RawNormalsB3HW => _main["normals"];

    /// <summary>
    /// Loads and checks the manifest (files, SHA-256, contract), opens the session(s) on the requested device and
    /// checks their signatures against the manifest.
    /// </summary>
    public static CvmModel Open(string manifestPath, InferenceOptions options)
    {
        options.Validate();
        var manifest = ModelManifestLoader.Load(manifestPath);
        if (options.OpenCvThreads > 0) OpenCvSharp.Cv2.SetNumThreads(options.OpenCvThreads);
        return new CvmModel(manifestPath, manifest, options);
    }

    /// <summary>A new view buffer for this model (allocates: create at start-up or per keyframe slot, then reuse).</summary>
    public ViewCache CreateViewCache() => new(this, IsSplit ? 0 : _imageFloats, _featureFloats);

    /// <summary>
    /// Pre-processes <paramref name="image"/> with its camera intrinsics <paramref name="K_cam"/> into
    /// <paramref name="view"/> (and runs the per-view feature graph of a split model). No allocation.
    /// </summary>
    public FrameRejection PrepareView(in CameraImage image, Intrinsics K_cam, ViewCache view)
    {
        if (view.Owner != this) throw new ArgumentException("view cache of another model", nameof(view));
        var t0 = Stopwatch.GetTimestamp();
        var c0 = ThreadCpuClock.NowNs();
        view.IsPrepared = false;
        view.Version++;
        var rejection = image.Validate();
        if (rejection != FrameRejection.None) return rejection;
        if (K_cam.Width != image.Width || K_cam.Height != image.Height) return FrameRejection.IntrinsicsSizeMismatch;
        var target = IsSplit ? _imageRef : view.ImageC3HW;
        rejection = _pre.ToPlanarRgb(image, target);
        if (rejection != FrameRejection.None) return rejection;
        ViewGeometry.WriteScaledK(K_cam, InputWidth, InputHeight, view.K9, view.InvK9);
        (view.CameraWidth, view.CameraHeight) = (image.Width, image.Height);
        _preMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        _preCpuMs = ThreadCpuClock.ElapsedMs(c0, ThreadCpuClock.NowNs());
        _featMs = 0;
        if (_features is not null)
        {
            var t1 = Stopwatch.GetTimestamp();
            view.InvK9.CopyTo(_features["invK"], 0);
            FeatureGraphRuns++;
            if (!TryRun(_features)) return FrameRejection.RuntimeError;
            for (var i = 0; i < _featureOutputs.Length; i++) _featureOutputs[i].CopyTo(view.Features[i], 0);
            _featMs = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        }
        view.IsPrepared = true;
        return FrameRejection.None;
    }

    /// <summary>
    /// Runs the network on <paramref name="reference"/> with two source views and their camera-to-world poses, and
    /// writes <see cref="Options"/>' outputs into <paramref name="outputs"/> (any size; normally the camera's).
    /// </summary>
    public FrameRejection Infer(ViewCache reference, in Pose3 T_world_ref, ViewCache source1, in Pose3 T_world_src1,
        ViewCache source2, in Pose3 T_world_src2, CvmOutputs outputs)
    {
        if (!ViewGeometry.IsValid(T_world_ref) || !ViewGeometry.IsValid(T_world_src1) || !ViewGeometry.IsValid(T_world_src2))
            return FrameRejection.InvalidPose;
        if (!Usable(reference) || !Usable(source1) || !Usable(source2)
            || source1.CameraWidth != reference.CameraWidth || source1.CameraHeight != reference.CameraHeight
            || source2.CameraWidth != reference.CameraWidth || source2.CameraHeight != reference.CameraHeight)
            return FrameRejection.ViewMismatch;
        var t0 = Stopwatch.GetTimestamp();
        var c0 = ThreadCpuClock.NowNs();
        ViewGeometry.WriteRelativePose(T_world_src1, T_world_ref, _T1);
        ViewGeometry.WriteRelativePose(T_world_src2, T_world_ref, _T2);
        LoadViews(reference, source1, source2);
        return RunAndPost(outputs, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, ThreadCpuClock.ElapsedMs(c0, ThreadCpuClock.NowNs()));
    }

    /// <summary>Duplication mode: the reference in both source slots with identity relative poses.</summary>
    public FrameRejection InferDuplicated(ViewCache reference, CvmOutputs outputs)
    {
        if (!Usable(reference)) return FrameRejection.ViewMismatch;
        var t0 = Stopwatch.GetTimestamp();
        var c0 = ThreadCpuClock.NowNs();
        ViewGeometry.WriteIdentity(_T1);
        ViewGeometry.WriteIdentity(_T2);
        LoadViews(reference, reference, reference);
        return RunAndPost(outputs, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, ThreadCpuClock.ElapsedMs(c0, ThreadCpuClock.NowNs()));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pre.Dispose();
        _features?.Dispose();
        _main.Dispose();
    }

    private bool Usable(ViewCache v) => v.Owner == this && v.IsPrepared;

    /// <summary>
    /// Copies the views into the bound inputs, skipping a slot that already holds the same view at the same content
    /// version (keyframes used as sources on consecutive frames are copied once).
    /// </summary>
    private void LoadViews(ViewCache reference, ViewCache source1, ViewCache source2)
    {
        reference.K9.CopyTo(_K, 0);
        reference.InvK9.CopyTo(_invK, 0);
        if (IsSplit)
        {
            if (NeedsLoad(0, reference))
                for (var i = 0; i < _refFeatures.Length; i++) reference.Features[i].CopyTo(_refFeatures[i], 0);
            if (NeedsLoad(1, source1))
                for (var i = 0; i < _sourceFeatureIndex.Length; i++) source1.Features[_sourceFeatureIndex[i]].CopyTo(_src1Features[i], 0);
            if (NeedsLoad(2, source2))
                for (var i = 0; i < _sourceFeatureIndex.Length; i++) source2.Features[_sourceFeatureIndex[i]].CopyTo(_src2Features[i], 0);
        }
        else
        {
            if (NeedsLoad(0, reference)) reference.ImageC3HW.CopyTo(_imageRef, 0);
            if (NeedsLoad(1, source1)) source1.ImageC3HW.CopyTo(_imageSrc1, 0);
            if (NeedsLoad(2, source2)) source2.ImageC3HW.CopyTo(_imageSrc2, 0);
        }
    }

    private bool NeedsLoad(int slot, ViewCache view)
    {
        if (ReferenceEquals(_slotViews[slot], view) && _slotVersions[slot] == view.Version) return false;
        (_slotViews[slot], _slotVersions[slot]) = (view, view.Version);
        return true;
    }

    private FrameRejection RunAndPost(CvmOutputs outputs, double loadMs, double loadCpuMs)
    {
        var t1 = Stopwatch.GetTimestamp();
        if (!TryRun(_main)) return FrameRejection.RuntimeError;
        var runMs = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        var t2 = Stopwatch.GetTimestamp();
        var c2 = ThreadCpuClock.NowNs();
        _post.Run(outputs, Options.Outputs);
        var postCpuMs = ThreadCpuClock.ElapsedMs(c2, ThreadCpuClock.NowNs());
        LastTimings = new StageTimings(_preMs + loadMs, _featMs, runMs, Stopwatch.GetElapsedTime(t2).TotalMilliseconds)
        {
            PreprocessCpuMs = _preCpuMs + loadCpuMs,
            PostprocessCpuMs = postCpuMs,
        };
        return FrameRejection.None;
    }

    private bool TryRun(BoundGraph graph)
    {
        try
        {
            graph.Run();
            return true;
        }
        catch (OnnxRuntimeException e)
        {
            LastError = e;
            return false;
        }
    }

    private BoundGraph Open(ManifestGraph graph, InferenceOptions options, out ProviderSelection provider)
    {
        var path = ModelManifestLoader.ModelPath(ManifestPath, graph.Model);
        InferenceSession session;
        try
        {
            session = OrtSessionFactory.Create(path, options, out provider);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelManifestException(path, "ONNX Runtime cannot load the model: " + e.Message, e);
        }
        try
        {
            ModelManifestLoader.VerifySession(session, graph.Inputs, graph.Outputs, path);
            return new BoundGraph(session, graph.Inputs, graph.Outputs);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
