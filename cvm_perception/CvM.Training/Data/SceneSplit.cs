namespace CvM.Training.Data;

/// <summary>
/// Which generated scenes may be trained on and which are held out for evaluation. A scene seed is held out when it
/// is a multiple of <see cref="HeldOutModulus"/>, whatever the data seed: training draws its scene seeds only among
/// the others, evaluation only among the held-out ones, so no evaluation scene is ever seen in training.
/// </summary>
public static class SceneSplit
{
    /// <summary>One scene seed in this many is held out.</summary>
    public const int HeldOutModulus = 8;

    /// <summary>True when <paramref name="sceneSeed"/> is reserved for evaluation.</summary>
    public static bool IsHeldOut(int sceneSeed) => sceneSeed % HeldOutModulus == 0;

    /// <summary>The scene seed of training scene number <paramref name="ordinal"/> (never held out).</summary>
    public static int TrainSceneSeed(int dataSeed, long ordinal)
    {
        var h = SeedMix.Mix(dataSeed, ordinal, 0x7261696E);
        int s = (int)((h >> 33) / HeldOutModulus * HeldOutModulus);
        return s + 1 + (int)(h % (HeldOutModulus - 1)); // residue 1..7
    }

    /// <summary>The scene seed of evaluation scene number <paramref name="ordinal"/> (always held out).</summary>
    public static int EvalSceneSeed(int dataSeed, long ordinal)
    {
        var h = SeedMix.Mix(dataSeed, ordinal, 0x6576616C);
        return (int)((h >> 34) / HeldOutModulus * HeldOutModulus);
    }
}
