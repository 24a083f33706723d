namespace CvM.Training.Export;

/// <summary>
/// The manifest's <c>split</c> section (<c>export --split</c>): the per-view feature graph and the multi-view graph
/// with the heads. The node runs the feature graph once per frame, keeps its outputs with the frame while it is a
/// keyframe, and runs the multi-view graph on the reference's features and the two sources' cached ones.
/// </summary>
public sealed record SplitSpec(GraphSpec Features, GraphSpec MultiView);
