using CvM.Geometry;
using CvM.Keyframes.Selection;

namespace CvM.Pipeline.Tests;

public sealed class ReplayTests
{
    [Fact]
    public async Task Replay_SyntheticSequence_EveryFrameOutWithItsHeaderAndNearestViews()
    {
        var seq = SyntheticSequence.Default;
        var sink = new CollectingSink();
        var options = TestModel.Options(PipelineMode.Replay);
        await using var p = await Feeder.StartAsync(options, sink);
        for (var i = 0; i < seq.Frames.Count; i++) await Feeder.PostFrameAsync(p, seq, i);
        await p.DeactivateAsync();

        var snap = p.Snapshot();
        Assert.True(snap.TotalDrops == 0, string.Join(", ", snap.Drops.Where(d => d.Value > 0).Select(d => $"{d.Key}={d.Value}")));
        Assert.Equal(seq.Frames.Count, sink.Results.Count);
        for (var i = 0; i < seq.Frames.Count; i++)
        {
            Assert.Equal(seq.Frames[i].StampNs, sink.Results[i].Header.StampNs);
            Assert.Equal(Feeder.CameraFrame, sink.Results[i].Header.FrameId);
        }
        Assert.Equal(ViewSelectionMode.Duplicate, sink.Results[0].Selection.Mode);
        Assert.Equal(DuplicateReason.EmptyBuffer, sink.Results[0].Selection.Reason);

        // Independent expectation from the known trajectory: keyframes by the insertion rule, sources = the two
        // nearest keyframes by camera-centre distance among those within baseline, angle and age limits.
        var k = options.Keyframes;
        var keyframes = new List<int>();
        var multiview = 0;
        for (var i = 0; i < seq.Frames.Count; i++)
        {
            var T = seq.Frames[i].T_world_cam;
            var usable = keyframes
                .Select(j => (j, d: PoseDistance.Between(seq.Frames[j].T_world_cam, T)))
                .Where(c => (seq.Frames[i].StampNs - seq.Frames[c.j].StampNs) <= k.MaxKeyframeAgeNs)
                .Where(c => c.d.CentreDistanceMeters >= k.MinBaselineM && c.d.RotationAngleRadians <= k.MaxViewAngleDeg * Math.PI / 180)
                .OrderBy(c => c.d.CentreDistanceMeters).ThenBy(c => c.j).ToList();
            var r = sink.Results[i];
            if (usable.Count >= 2)
            {
                multiview++;
                Assert.Equal(ViewSelectionMode.Multiview, r.Selection.Mode);
                Assert.Equal(seq.Frames[usable[0].j].StampNs, r.Source1StampNs);
                Assert.Equal(seq.Frames[usable[1].j].StampNs, r.Source2StampNs);
            }
            else
            {
                Assert.Equal(ViewSelectionMode.Duplicate, r.Selection.Mode);
            }
            var last = keyframes.Count == 0 ? (PoseDistance?)null : PoseDistance.Between(seq.Frames[keyframes[^1]].T_world_cam, T);
            if (last is null || last.Value.CentreDistanceMeters >= k.KeyframeMinTranslationM || last.Value.RotationAngleRadians >= k.KeyframeMinRotationDeg * Math.PI / 180)
            {
                keyframes.Add(i);
                if (keyframes.Count > k.KeyframeCapacity) keyframes.RemoveAt(0);
            }
        }
        Assert.True(multiview >= seq.Frames.Count / 2, $"only {multiview} multi-view frames");
        Assert.Equal(multiview, p.Diagnostics.Multiview);

        // the last frame's views in the diagnostics are those the sink saw
        var lastResult = sink.Results[^1];
        var lastFrame = Assert.NotNull(snap.LastFrame);
        Assert.Equal((lastResult.Header.StampNs, lastResult.Selection.Mode, lastResult.Source1StampNs, lastResult.Source2StampNs),
            (lastFrame.StampNs, lastFrame.Mode, lastFrame.Source1StampNs, lastFrame.Source2StampNs));

        // the pipeline's own time outside ONNX Runtime, one sample a frame: at least view selection + post-processing
        // (no ORT in either), at most those + pre-processing (which includes the feature graph's ORT run) + 1 ms
        var own = snap.Latency(Diagnostics.PipelineStage.PipelineOwn);
        Assert.Equal(seq.Frames.Count, own.Count);
        double Mean(Diagnostics.PipelineStage s) => snap.Latency(s).MeanMs;
        var lower = Mean(Diagnostics.PipelineStage.ViewSelection) + Mean(Diagnostics.PipelineStage.Postprocess);
        var upper = lower + Mean(Diagnostics.PipelineStage.Preprocess) + 1;
        Assert.True(own.MeanMs >= 0.9 * lower && own.MeanMs <= upper, $"own {own.MeanMs:F3} ms, expected in [{lower:F3}, {upper:F3}]");
        Assert.Empty(snap.Transport);
    }

    [Fact]
    public async Task Replay_SyntheticSequence_DepthCloseToGroundTruth()
    {
        var seq = SyntheticSequence.Default;
        var sink = new CollectingSink();
        await using var p = await Feeder.StartAsync(TestModel.Options(PipelineMode.Replay), sink);
        for (var i = 0; i < seq.Frames.Count; i++) await Feeder.PostFrameAsync(p, seq, i);
        await p.DeactivateAsync();

        double sumAbsRel = 0;
        long n = 0;
        for (var i = 0; i < seq.Frames.Count; i++)
        {
            var gt = seq.Frames[i].DepthM;
            var pred = sink.Results[i].DepthM;
            Assert.Equal(gt.Length, pred.Length);
            for (var j = 0; j < gt.Length; j++)
            {
                if (!(gt[j] > 0.3f && gt[j] < 10f) || float.IsNaN(pred[j])) continue;
                sumAbsRel += Math.Abs(pred[j] - gt[j]) / gt[j];
                n++;
            }
        }
        var absRel = sumAbsRel / n;
        // The model card (models/cvm_96x128.json) gives AbsRel 0.20 on held-out synthetic scenes.
        Assert.True(n > seq.Frames.Count * seq.K.Width * seq.K.Height / 2, $"only {n} valid pixels");
        Assert.True(absRel < 0.35, $"AbsRel {absRel:F3}");
    }

    [Fact]
    public async Task Replay_NoPoseSource_EveryFrameDuplicatedAndCounted()
    {
        var seq = SyntheticSequence.Default;
        var sink = new CollectingSink();
        await using var p = await Feeder.StartAsync(TestModel.Options(PipelineMode.Replay) with { Poses = new PoseSourceOptions { Mode = PoseSourceMode.None } }, sink);
        for (var i = 0; i < 5; i++) await Feeder.PostFrameAsync(p, seq, i);
        await p.DeactivateAsync();

        Assert.Equal(5, sink.Results.Count);
        Assert.All(sink.Results, r => Assert.Equal(DuplicateReason.NoPose, r.Selection.Reason));
        Assert.Equal(5, p.Diagnostics.Duplicated(DuplicateReason.NoPose));
        Assert.Equal(5, p.Diagnostics.PoseFailures(CvM.Keyframes.Poses.PoseLookupStatus.NoSource));
        Assert.Equal(0, p.Diagnostics.Multiview);
    }
}
