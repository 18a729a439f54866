using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Inputs;

/// <summary>What every node parser of mapping.yaml reads against: the file, its constants, the architecture and the problem, with name lookups that fail as positioned errors.</summary>
internal sealed class MappingParseContext(ValueResolver values, ArchitectureSpec arch, Problem problem)
{
    /// <summary>The mapping file.</summary>
    public YamlFile File { get; } = values.File;

    /// <summary>Resolves constants and numbers.</summary>
    public ValueResolver Values => values;

    /// <summary>The architecture levels are looked up in.</summary>
    public ArchitectureSpec Arch => arch;

    /// <summary>The problem tensors and dimensions are looked up in.</summary>
    public Problem Problem => problem;

    /// <summary>The id of tensor <paramref name="name"/>, or a positioned error.</summary>
    public int Tensor(YamlNode at, string name, string path)
    {
        var id = problem.TensorId(name);
        return id >= 0 ? id : throw File.Error(at, path, $"unknown tensor '{name}'", NameHints.DidYouMean(name, problem.TensorNames));
    }

    /// <summary>The id of dimension <paramref name="name"/>, or a positioned error.</summary>
    public int Dimension(YamlNode at, string name, string path)
    {
        var id = problem.DimensionId(name);
        return id >= 0 ? id : throw File.Error(at, path, $"unknown dimension '{name}'", NameHints.DidYouMean(name, problem.DimensionNames));
    }

    /// <summary>The level named <paramref name="name"/>, or a positioned error.</summary>
    public HierarchyLevelSpec Level(YamlNode at, string name, string path)
        => arch.FindLevel(name) ?? throw File.Error(at, path, $"unknown level '{name}'", NameHints.DidYouMean(name, arch.Levels.Select(l => l.Name)));

    /// <summary>The strings of the list at <paramref name="key"/>, each with its node.</summary>
    public List<(string Text, YamlNode Node)> StringList(YamlMappingNode map, string key, string path)
    {
        var node = File.Require(map, key, path);
        return YamlFile.Items(node).Select(n => (File.AsString(n, $"{path}.{key}"), n)).ToList();
    }
}
