using CvM.Geometry;

namespace CvM.Keyframes.Tests;

public class KeyframeOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        KeyframeOptions.Default.Validate();
        Assert.Equal(14, KeyframeOptions.Parameters.Count);
        Assert.All(KeyframeOptions.Parameters, p =>
        {
            var v = p.Read(KeyframeOptions.Default);
            Assert.InRange(v, p.Min, p.Max);
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
        });
    }

    [Theory]
    [InlineData("pose_history_capacity")]
    [InlineData("pose_tolerance")]
    [InlineData("keyframe_capacity")]
    [InlineData("min_baseline")]
    [InlineData("max_view_angle")]
    [InlineData("max_keyframe_age")]
    public void Validate_ValueOutOfRange_ThrowsNamingTheParameter(string name)
    {
        KeyframeOptions bad = name switch
        {
            "pose_history_capacity" => KeyframeOptions.Default with { PoseHistoryCapacity = 2 },
            "pose_tolerance" => KeyframeOptions.Default with { PoseToleranceS = -0.1 },
            "keyframe_capacity" => KeyframeOptions.Default with { KeyframeCapacity = 1 },
            "min_baseline" => KeyframeOptions.Default with { MinBaselineM = double.NaN },
            "max_view_angle" => KeyframeOptions.Default with { MaxViewAngleDeg = 181 },
            _ => KeyframeOptions.Default with { MaxKeyframeAgeS = 0 },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(bad.Validate);
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Validate_UnknownPolicy_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>((KeyframeOptions.Default with { SingleViewPolicy = (SingleViewPolicy)9 }).Validate);

    /// <summary>
    /// The min-baseline derivation, checked by projecting a point through the Kinect intrinsics scaled to the model
    /// input (an independent path through <see cref="Intrinsics"/>) rather than by the closed form.
    /// </summary>
    [Fact]
    public void MinBaseline_DefaultAtKinectModelInput_ShiftsMidRangePointHalfACostVolumeCell()
    {
        var K = new Intrinsics(ParallaxBudget.KinectFxPx, ParallaxBudget.KinectFxPx, 319.5, 239.5, 640, 480).ScaleTo(128, 96);
        Assert.Equal(117, K.Fx, 12);
        Assert.Equal(117, ParallaxBudget.KinectFxAtModelInputPx, 12);
        var zMid = ParallaxBudget.InverseDepthMidpointM(ParallaxBudget.IndoorNearM, ParallaxBudget.IndoorFarM);
        Assert.Equal(5.0 / 3.0, zMid, 12);

        var b = KeyframeOptions.Default.MinBaselineM;
        var p_ref = new Vector3d(0.1, 0.05, zMid);
        var p_src = p_ref - new Vector3d(b, 0, 0); // source camera b to the right
        Assert.True(K.TryProject(p_ref, out var uRef, out _));
        Assert.True(K.TryProject(p_src, out var uSrc, out _));
        var shiftCells = Math.Abs(uRef - uSrc) / ParallaxBudget.CostVolumeStride;
        Assert.Equal(ParallaxBudget.DisparityCells(K.Fx, ParallaxBudget.CostVolumeStride, b, zMid), shiftCells, 9);

        Assert.Equal(0.53, shiftCells, 2);                  // cells at 1/8 (>= RequiredShiftCells)
        Assert.True(shiftCells >= ParallaxBudget.RequiredShiftCells);
        Assert.True(shiftCells * 2 >= 1);                    // >= 1 px at the 1/4 features
        // The smallest baseline meeting the requirement rounds up to the default (to the centimetre).
        var bMin = ParallaxBudget.BaselineForShiftM(K.Fx, ParallaxBudget.CostVolumeStride, zMid, ParallaxBudget.RequiredShiftCells);
        Assert.Equal(0.057, bMin, 3);
        // The training rule (0.05 m) would give 0.44 cell with this model.
        Assert.Equal(0.44, ParallaxBudget.DisparityCells(K.Fx, ParallaxBudget.CostVolumeStride, 0.05, zMid), 2);
        Assert.Equal(b, Math.Ceiling(bMin * 100) / 100, 12);
        // Wider lenses: at 72 deg the default gives less than half a cell, as the doc comment says.
        var K72 = Intrinsics.FromHorizontalFov(TestPoses.Deg(72), 128, 96);
        Assert.Equal(0.40, ParallaxBudget.DisparityCells(K72.Fx, ParallaxBudget.CostVolumeStride, b, zMid), 2);
        Assert.Equal(0.076, ParallaxBudget.BaselineForShiftM(K72.Fx, ParallaxBudget.CostVolumeStride, zMid, 0.5), 3);
    }

    /// <summary>The max-angle derivation: closed form against a column-by-column count through <see cref="Intrinsics"/>.</summary>
    [Theory]
    [InlineData(57.4, 30.0)]
    [InlineData(57.4, 10.0)]
    [InlineData(72.0, 30.0)]
    [InlineData(60.0, 45.0)]
    public void ColumnOverlapFraction_YawedSource_MatchesColumnCount(double hfovDeg, double yawDeg)
    {
        const int width = 1600;
        var K = Intrinsics.FromHorizontalFov(TestPoses.Deg(hfovDeg), width, 1200);
        var source = UnitQuaternion.FromAxisAngle(Vector3d.UnitY, TestPoses.Deg(yawDeg)); // R_ref_src: turned right
        var seen = 0;
        for (var u = 0; u < width; u++)
        {
            var ray_ref = K.BackProject(u, K.Cy, 1);
            var ray_src = source.Conjugate().Rotate(ray_ref);
            if (K.TryProject(ray_src, out var us, out _) && us >= -0.5 && us <= width - 0.5) seen++;
        }
        Assert.Equal((double)seen / width, ParallaxBudget.ColumnOverlapFraction(TestPoses.Deg(hfovDeg), TestPoses.Deg(yawDeg)), 2);
    }

    [Fact]
    public void MaxViewAngle_DefaultAtKinect_KeepsAboutHalfTheColumns()
    {
        var hfov = 2 * Math.Atan(ParallaxBudget.KinectWidthPx / 2.0 / ParallaxBudget.KinectFxPx);
        Assert.Equal(57.4, hfov * 180 / Math.PI, 1);
        var overlap = ParallaxBudget.ColumnOverlapFraction(hfov, TestPoses.Deg(KeyframeOptions.Default.MaxViewAngleDeg));
        Assert.InRange(overlap, 0.47, 0.49);
    }
}
