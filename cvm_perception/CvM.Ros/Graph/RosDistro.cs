using CvM.Messages.RmwDdsCommon;

namespace CvM.Ros.Graph;

/// <summary>
/// The ROS 2 distribution whose graph conventions the node follows. It decides the size of the gids in
/// <c>ros_discovery_info</c>: 24 bytes up to Humble, 16 bytes from Iron on (Iron, Jazzy, Kilted, Rolling and
/// any later name). Chosen by a parameter or the <c>ROS_DISTRO</c> environment variable; default Jazzy.
/// </summary>
public sealed record RosDistro
{
    /// <summary>Name of the environment variable a ROS 2 install sets (<c>ROS_DISTRO</c>).</summary>
    public const string EnvironmentVariable = "ROS_DISTRO";

    // Distributions released with the 24-byte Gid (rmw_dds_common's char[24] data, up to Humble).
    private static readonly string[] Gid24Distros = ["ardent", "bouncy", "crystal", "dashing", "eloquent", "foxy", "galactic", "humble"];

    private RosDistro(string name, GidSize gidSize)
    {
        Name = name;
        GidSize = gidSize;
    }

    /// <summary>Lower-case distribution name, e.g. "jazzy".</summary>
    public string Name { get; }

    /// <summary>Gid layout of <c>ros_discovery_info</c> in this distribution.</summary>
    public GidSize GidSize { get; }

    /// <summary>
    /// Whether endpoints announce REP 2011 type hashes (<c>typehash=RIHS01_...;</c> USER_DATA): Iron and later
    /// (the 16-byte Gid distributions) do, Humble and earlier do not.
    /// </summary>
    public bool HasTypeHashes => GidSize == GidSize.Jazzy;

    /// <summary>Jazzy (16-byte gids), the default.</summary>
    public static RosDistro Jazzy { get; } = new("jazzy", GidSize.Jazzy);

    /// <summary>Humble (24-byte gids).</summary>
    public static RosDistro Humble { get; } = new("humble", GidSize.Humble);

    /// <summary>
    /// Parses a distribution name (case-insensitive, surrounding blanks ignored): ardent..humble use 24-byte
    /// gids; iron, rolling and any later name (a letter after 'h') use 16-byte gids.
    /// </summary>
    /// <exception cref="ArgumentException">Not a distribution name (empty, not letters, or an unknown name before Iron).</exception>
    public static RosDistro Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var distro)
            ? distro
            : throw new ArgumentException(
                $"'{name}' is not a ROS 2 distribution (expected e.g. humble, iron, jazzy, kilted, rolling)", nameof(name));
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? name, out RosDistro distro)
    {
        distro = Jazzy;
        var n = name?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(n) || !n.All(c => c is >= 'a' and <= 'z')) return false;
        if (Gid24Distros.Contains(n))
        {
            distro = n == "humble" ? Humble : new RosDistro(n, GidSize.Humble);
            return true;
        }
        // Distributions are named in alphabetical order; everything from Iron on (and Rolling) uses 16 bytes.
        if (n == "rolling" || n[0] > 'h')
        {
            distro = n == "jazzy" ? Jazzy : new RosDistro(n, GidSize.Jazzy);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The distribution from an explicit setting (a parameter), else from <c>ROS_DISTRO</c>, else Jazzy.
    /// An explicit setting that is not a distribution is an error; an unusable <c>ROS_DISTRO</c> is too.
    /// </summary>
    /// <param name="parameter">The node's distro parameter, or null when not set.</param>
    /// <param name="environment">Reads an environment variable (defaults to the process environment).</param>
    /// <exception cref="ArgumentException">The setting or <c>ROS_DISTRO</c> is not a distribution name.</exception>
    public static RosDistro Resolve(string? parameter, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(parameter)) return Parse(parameter);
        var env = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(env)) return Jazzy;
        return TryParse(env, out var distro)
            ? distro
            : throw new ArgumentException($"{EnvironmentVariable}='{env}' is not a ROS 2 distribution", nameof(environment));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (gid {(int)GidSize} bytes)";
}
