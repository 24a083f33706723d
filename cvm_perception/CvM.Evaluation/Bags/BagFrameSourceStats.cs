namespace CvM.Evaluation.Bags;

/// <summary>What a <see cref="BagFrameSource"/> found and dropped (every drop is counted here, none is silent).</summary>
/// <param name="RgbImages">colour images in the bag.</param>
/// <param name="DepthImages">depth images in the bag.</param>
/// <param name="Frames">colour/depth pairs made (frames yielded).</param>
/// <param name="UnpairedRgb">colour images with no depth image within the pairing gap (dropped).</param>
/// <param name="UnpairedDepth">depth images with no colour image within the pairing gap (dropped).</param>
/// <param name="BadDepth">paired depth images with an unsupported encoding or a bad layout, or a size other than the camera info's (frame dropped).</param>
/// <param name="BadRgb">paired colour images that could not be converted or differ in size from the depth (frame kept without colour).</param>
/// <param name="FramesWithoutPose">frames with no odometry within the pose gap (kept, without pose).</param>
/// <param name="OdometrySamples">odometry messages read.</param>
/// <param name="SkippedMessages">
/// messages on the colour, depth, camera-info or odometry topic that did not decode, camera infos without usable
/// intrinsics and odometry with a non-finite position or a zero or non-finite quaternion (skipped).
/// </param>
public sealed record BagFrameSourceStats(
    int RgbImages, int DepthImages, int Frames, int UnpairedRgb, int UnpairedDepth,
    int BadDepth, int BadRgb, int FramesWithoutPose, int OdometrySamples, int SkippedMessages);
