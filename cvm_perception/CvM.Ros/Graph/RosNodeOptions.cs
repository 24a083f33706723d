using CvM.Ros.Dds;

namespace CvM.Ros.Graph;

/// <summary>
/// How to create a <see cref="RosNode"/>: the participant options (domain id, Cyclone configuration, enclave;
/// null = <c>ROS_DOMAIN_ID</c> and Cyclone's own configuration) and the distribution whose Gid layout the
/// graph announcement uses (null = <see cref="RosDistro.Resolve"/> without a parameter: <c>ROS_DISTRO</c>,
/// else Jazzy).
/// </summary>
public sealed record RosNodeOptions(DdsParticipantOptions? Participant = null, RosDistro? Distro = null);
