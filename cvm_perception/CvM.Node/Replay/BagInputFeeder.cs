using CvM.Bags;
using CvM.Messages.Cdr;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.Node.Conversion;
using CvM.Pipeline;

namespace CvM.Node.Replay;

/// <summary>
/// Feeds a bag's messages, in log-time order, into a replay-mode pipeline: images, camera_infos, odometry and TF.
/// Messages that do not decode are counted (images as <see cref="DropCause.ImageDecodeError"/>) and skipped.
/// </summary>
public static class BagInputFeeder
{
    /// <summary>Posts every message of <paramref name="bagPath"/> on <paramref name="topics"/>; returns the images posted.</summary>
    public static async Task<int> FeedAsync(string bagPath, ReplayTopics topics, PerceptionPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(pipeline);
        using var reader = BagReader.Open(bagPath);
        if (!reader.Topics.Any(t => t.Name == topics.Image))
            throw new InvalidDataException($"{bagPath}: image topic {topics.Image} is not in the bag (topics: {string.Join(", ", reader.Topics.Select(t => t.Name))})");
        var filter = BagReadFilter.ForTopics(topics.Image, topics.CameraInfo, topics.Odometry, topics.Tf, topics.TfStatic);
        var images = 0;
        foreach (var m in reader.ReadMessages(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = m.Topic.Name;
            try
            {
                if (name == topics.Image)
                {
                    var frame = MessageConversion.DecodeImage(m.Data.Span);
                    await pipeline.PostImageAsync(frame, cancellationToken).ConfigureAwait(false);
                    images++;
                }
                else if (name == topics.CameraInfo)
                {
                    await pipeline.PostEventAsync(MessageConversion.CameraInfoEvent(m.Data.Span), cancellationToken).ConfigureAwait(false);
                }
                else if (name == topics.Odometry)
                {
                    await pipeline.PostEventAsync(MessageConversion.OdometryEvent(m.Data.Span), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var tf = CdrCodec.Deserialize<TFMessage>(m.Data.Span);
                    foreach (var t in tf.Transforms)
                        await pipeline.PostEventAsync(MessageConversion.ToEvent(t, name == topics.TfStatic), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (CdrException)
            {
                if (name == topics.Image)
                {
                    pipeline.Diagnostics.CountImage();
                    pipeline.Diagnostics.CountDrop(DropCause.ImageDecodeError);
                }
                else
                {
                    pipeline.Diagnostics.CountDrop(name == topics.CameraInfo ? DropCause.InvalidCameraInfo : DropCause.InvalidPose);
                }
            }
        }
        return images;
    }
}
