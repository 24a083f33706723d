namespace CvM.Ros.Arguments;

/// <summary>A <c>--params-file FILE</c> argument. An immutable value; the file is read by the parameter resolver.</summary>
/// <param name="Path">The file path as given (relative paths are relative to the working directory).</param>
/// <param name="ArgumentIndex">Position of the path in argv: files and <c>-p</c> overrides apply in this order.</param>
public sealed record ParamsFileArgument(string Path, int ArgumentIndex);
