using System.Globalization;
using CvM.Geometry;
using CvM.Keyframes.Selection;
using CvM.TestSupport;
using Xunit.Abstractions;

namespace CvM.Keyframes.Tests;

/// <summary>View selection on the real 7-Scenes redkitchen trajectory (50 frames at 30 Hz, KinectFusion poses).</summary>
public class RealTrajectoryTests(ITestOutputHelper output)
{
    private static List<Pose3> LoadPoses(string data)
    {
        var folder = Path.Combine(data, "7scenes_redkitchen_seq50", "rgbd-frames");
        var poses = new List<Pose3>();
        foreach (var file in Directory.GetFiles(folder, "frame-*.pose.txt").Order(StringComparer.Ordinal))
        {
            var values = File.ReadAllText(file).Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(16, values.Length);
            poses.Add(Pose3.FromMatrix4x4(values));
        }
        return poses;
    }

    [SkippableTheory]
    [InlineData(1, 0.06)]
    [InlineData(2, 0.06)]
    [InlineData(1, 0.05)]
    [InlineData(2, 0.05)]
    public void Select_SevenScenesPoses_MatchesReferenceRule(int stride, double minBaselineM)
    {
        var data = RepoPaths.RequireSharedData();
        var poses = LoadPoses(data);
        Assert.Equal(50, poses.Count);
        var options = KeyframeOptions.Default with { MinBaselineM = minBaselineM, KeyframeMinTranslationM = minBaselineM / 2 };
        var selector = new ViewSelector(options);
        using var buffer = new KeyframeBuffer<int>(options, null);
        int multiview = 0, firstMultiview = -1;
        for (var f = 0; f < poses.Count; f += stride)
        {
            var stamp = (long)Math.Round(f * 1e9 / 30);
            var s = selector.Select(buffer, stamp, poses[f]);
            var expected = ReferenceSelector.SelectIds(buffer, stamp, poses[f], options);
            if (expected.Length == 2) Assert.Equal(expected, new[] { s.Source1Id, s.Source2Id });
            else Assert.Equal(ViewSelectionMode.Duplicate, s.Mode);
            if (s.Mode == ViewSelectionMode.Multiview)
            {
                multiview++;
                if (firstMultiview < 0) firstMultiview = f;
            }
            buffer.TryInsert(stamp, poses[f], f, out _);
        }
        output.WriteLine($"stride {stride}, min baseline {minBaselineM} m: {multiview} of {(poses.Count + stride - 1) / stride} frames multi-view, first at frame {firstMultiview}, " +
                         $"{buffer.InsertedCount} keyframes, duplicates by reason: baseline {selector.Outcomes[DuplicateReason.NotEnoughBaseline]}, " +
                         $"one view {selector.Outcomes[DuplicateReason.OneUsableView]}, empty {selector.Outcomes[DuplicateReason.EmptyBuffer]}");
        Assert.True(multiview > 0);
    }
}
