namespace CvM.Ros.Dds;

/// <summary>A Cyclone DDS call failed: <see cref="Code"/> is its return code, the message names the call and carries <c>dds_strretcode</c>'s text.</summary>
public sealed class DdsException : Exception
{
    public DdsException(string operation, int returnCode, string codeText)
        : base($"{operation} failed: {codeText} ({returnCode})")
    {
        Operation = operation;
        Code = (DdsReturnCode)returnCode;
    }

    public DdsException() : this("dds call", (int)DdsReturnCode.Error, "error") { }

    public DdsException(string message) : base(message) => Operation = "";

    public DdsException(string message, Exception inner) : base(message, inner) => Operation = "";

    /// <summary>The C function (or binding step) that failed.</summary>
    public string Operation { get; }

    /// <summary>The return code; values outside <see cref="DdsReturnCode"/> are Cyclone's extended codes.</summary>
    public DdsReturnCode Code { get; }
}
