using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Hardware.Loading;

/// <summary>Loads COMET's arch.yaml (ComputeTiles, MemoryTypes, Hierarchy) into an <see cref="ArchitectureSpec"/>.</summary>
public static class ArchitectureLoader
{
    /// <summary>A mesh link is "far below" its ports when it moves at most 1/this of the port bandwidth per cycle; such a mesh earns a warning.</summary>
    public const int LinkRateWarningRatio = 4;

    /// <summary>Reads and parses an arch.yaml file.</summary>
    public static ArchitectureSpec Load(string path) => Parse(YamlFile.Load(path));

    /// <summary>Parses arch.yaml text; <paramref name="fileName"/> names it in errors.</summary>
    public static ArchitectureSpec Parse(string text, string fileName = "arch.yaml") => Parse(YamlFile.Parse(text, fileName));

    /// <summary>Parses an already-read arch.yaml document.</summary>
    public static ArchitectureSpec Parse(YamlFile file)
    {
        var root = file.Root;
        var computes = new List<ComputeTypeSpec>();
        var memories = new List<MemoryTypeSpec>();
        if (YamlFile.Find(root, "ComputeTiles") is { } computeNode)
        {
            var list = file.AsSequence(computeNode, "ComputeTiles");
            for (var i = 0; i < list.Children.Count; i++)
            {
                computes.Add(ComputeTypeParser.Parse(file, list.Children[i], $"ComputeTiles[{i}]"));
            }
        }

        if (YamlFile.Find(root, "MemoryTypes") is { } memoryNode)
        {
            var list = file.AsSequence(memoryNode, "MemoryTypes");
            for (var i = 0; i < list.Children.Count; i++)
            {
                memories.Add(MemoryTypeParser.Parse(file, list.Children[i], $"MemoryTypes[{i}]"));
            }
        }

        CheckDuplicates(file, computes.Select(c => c.Name).Concat(memories.Select(m => m.Name)).ToList(), root);
        var builder = new HierarchyBuilder(file, computes, memories);
        var hierarchy = file.AsSequence(file.Require(root, "Hierarchy", "Hierarchy"), "Hierarchy");
        if (hierarchy.Children.Count == 0)
        {
            throw file.Error(hierarchy, "Hierarchy", "the hierarchy is empty");
        }

        for (var i = 0; i < hierarchy.Children.Count; i++)
        {
            builder.ParseLevel(hierarchy.Children[i], null, $"Hierarchy[{i}]", new List<string>());
        }

        return new ArchitectureSpec(computes, memories, builder.Build()) { Warnings = builder.Warnings.OrderBy(w => w.Line).ThenBy(w => w.Column).ToList() };
    }

    private static void CheckDuplicates(YamlFile file, List<string> names, YamlNode at)
    {
        var seen = new HashSet<string>();
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw file.Error(at, "ComputeTiles/MemoryTypes", $"type '{name}' is defined twice");
            }
        }
    }

    /// <summary>Strips an instance-range suffix: <c>GBuffer[0..3]</c> → <c>GBuffer</c>.</summary>
    public static string StripRange(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? name[..bracket] : name;
    }
}
