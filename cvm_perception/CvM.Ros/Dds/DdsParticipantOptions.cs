namespace CvM.Ros.Dds;

/// <summary>
/// How to create a <see cref="DdsParticipant"/>. <see cref="DomainId"/> null means <c>ROS_DOMAIN_ID</c> (0 when unset).
/// <see cref="Config"/> null uses Cyclone's own configuration (<c>CYCLONEDDS_URI</c>); tests pass
/// <see cref="CycloneConfig.Loopback"/>. <see cref="Enclave"/> goes into the participant USER_DATA <c>enclave=...;</c>.
/// <see cref="TypeHashUserData"/> decides whether its endpoints send <c>typehash=</c> USER_DATA.
/// </summary>
public sealed record DdsParticipantOptions(uint? DomainId = null, CycloneConfig? Config = null, string Enclave = "/")
{
    /// <summary>
    /// Whether writers and readers announce <c>typehash=RIHS01_...;</c> USER_DATA for types that have a hash
    /// (ROS 2 Iron and later do; Humble has no type hashes). Default true.
    /// </summary>
    public bool TypeHashUserData { get; init; } = true;

    /// <summary>Highest domain id usable with the default port mapping.</summary>
    public const uint MaxDomainId = 232;

    /// <summary>The domain id to use: <see cref="DomainId"/>, else <c>ROS_DOMAIN_ID</c>, else 0.</summary>
    /// <exception cref="ArgumentException"><c>ROS_DOMAIN_ID</c> is not an integer in 0..232, or the explicit id is out of range.</exception>
    public uint ResolveDomainId()
    {
        if (DomainId is { } id)
            return id <= MaxDomainId ? id : throw new ArgumentException($"domain id {id} is outside 0..{MaxDomainId}");
        var env = Environment.GetEnvironmentVariable("ROS_DOMAIN_ID");
        if (string.IsNullOrWhiteSpace(env)) return 0;
        if (uint.TryParse(env.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v <= MaxDomainId)
            return v;
        throw new ArgumentException($"ROS_DOMAIN_ID='{env}' is not an integer in 0..{MaxDomainId}");
    }
}
