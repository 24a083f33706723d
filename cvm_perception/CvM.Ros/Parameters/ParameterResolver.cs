using CvM.Ros.Arguments;
using CvM.Ros.Names;

namespace CvM.Ros.Parameters;

/// <summary>
/// The parameter overrides a node starts with, merged as rcl and rclcpp merge them: params files and
/// <c>-p</c> rules are applied in command-line order into node sections (a file's keys as written; a
/// <c>-p name:=v</c> into <c>/**</c>, a <c>-p node:name:=v</c> into <c>node</c>); for a node, every
/// section whose key matches its fully qualified name contributes, in the order the sections first
/// appeared, later sections overwriting earlier ones.
/// </summary>
/// <remarks>
/// One consequence kept from rcl: a <c>-p</c> rule lands in the <c>/**</c> section, so when a params file
/// listed before it also has a node-specific section for the same parameter, that later section still wins.
/// Where rcl would keep two types for one parameter (a file's <c>1</c> and a later <c>-p x:=abc</c>), the
/// later value wins here with its own type. Built once at start-up; immutable and thread-safe after.
/// </remarks>
public sealed class ParameterResolver
{
    private readonly ParameterTable _table;

    private ParameterResolver(ParameterTable table) => _table = table;

    /// <summary>Loads every params file of <paramref name="arguments"/> and applies its <c>-p</c> rules, in argv order.</summary>
    /// <exception cref="ParameterFileException">A params file is missing or malformed.</exception>
    public static ParameterResolver Load(RosArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var table = new ParameterTable();
        var sources = arguments.ParamsFiles.Select(f => (f.ArgumentIndex, File: (ParamsFileArgument?)f, Override: (ParameterOverride?)null))
            .Concat(arguments.ParameterOverrides.Select(p => (p.ArgumentIndex, File: (ParamsFileArgument?)null, Override: (ParameterOverride?)p)))
            .OrderBy(s => s.ArgumentIndex);
        foreach (var source in sources)
        {
            if (source.File is not null) table.Merge(ParameterFile.Load(source.File.Path).Entries);
            else table.Set(source.Override!.NodeName ?? "/**", source.Override.Name, source.Override.Value);
        }
        return new ParameterResolver(table);
    }

    /// <summary>Merges already parsed files in the given order (no <c>-p</c> rules).</summary>
    public static ParameterResolver FromFiles(IEnumerable<ParameterFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var table = new ParameterTable();
        foreach (var file in files) table.Merge(file.Entries);
        return new ParameterResolver(table);
    }

    /// <summary>The parameters for the node <paramref name="nodeFullyQualifiedName"/> (e.g. <c>/camera/cvm_perception</c>).</summary>
    /// <exception cref="RosNameException">The name is not a valid fully qualified node name.</exception>
    public IReadOnlyDictionary<string, ParameterValue> Resolve(string nodeFullyQualifiedName)
    {
        ArgumentNullException.ThrowIfNull(nodeFullyQualifiedName);
        var slash = nodeFullyQualifiedName.LastIndexOf('/');
        if (slash < 0) throw new RosNameException(nodeFullyQualifiedName, "a fully qualified node name must start with '/'", 0);
        RosNames.ThrowIfInvalid(nodeFullyQualifiedName, RosNames.ValidateNodeName(nodeFullyQualifiedName[(slash + 1)..]));
        RosNames.ThrowIfInvalid(nodeFullyQualifiedName, RosNames.ValidateNamespace(slash == 0 ? "/" : nodeFullyQualifiedName[..slash]));
        return _table.Resolve(nodeFullyQualifiedName);
    }
}
