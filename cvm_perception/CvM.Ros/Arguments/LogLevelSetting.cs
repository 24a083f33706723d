namespace CvM.Ros.Arguments;

/// <summary>A <c>--log-level logger:=level</c> setting for one named logger. An immutable value.</summary>
/// <param name="LoggerName">The logger, e.g. <c>talker1</c> or <c>rclcpp.foo</c>.</param>
/// <param name="Level">Its severity threshold.</param>
public sealed record LogLevelSetting(string LoggerName, RosLogLevel Level);
