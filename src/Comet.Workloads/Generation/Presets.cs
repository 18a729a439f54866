using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Generation;

/// <summary>The named architectures shipped inside Comet (<c>examples/presets/&lt;name&gt;/arch.yaml</c>, embedded in this assembly).</summary>
public static class Presets
{
    /// <summary>The preset names, in the order <c>comet presets</c> lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["edge", "cloud", "example"];

    /// <summary>One line per preset saying where its architecture comes from.</summary>
    public static IReadOnlyDictionary<string, string> Origins { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["edge"] = "the authors' iterative-mapper edge architecture (im_edge_*): 2x2 clusters of 2x2 cores, DRAM 25 B/cycle",
        ["cloud"] = "the authors' iterative-mapper cloud architecture (im_cloud_*): 4x4 clusters of 4x4 cores, DRAM 50 B/cycle",
        ["example"] = "the authors' shipped example's toy architecture (examples/ex_base)",
    };

    /// <summary>The file name a preset's architecture is reported under (in errors and hashes).</summary>
    public static string FileName(string name) => $"presets/{Require(name)}/arch.yaml";

    /// <summary>Checks that <paramref name="name"/> is a preset and returns it.</summary>
    /// <exception cref="InputException">No preset has that name (the nearest one is suggested).</exception>
    public static string Require(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Names.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new InputException("--preset", string.Empty, $"unknown preset '{name}' (presets: {string.Join(", ", Names)})", hint: NameHints.DidYouMean(name, Names));
    }

    /// <summary>The bytes of a preset's arch.yaml, exactly as shipped.</summary>
    public static byte[] ArchBytes(string name)
    {
        var resource = FileName(name);
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"preset resource '{resource}' is missing from {typeof(Presets).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The text of a preset's arch.yaml.</summary>
    public static string ArchText(string name) => YamlText.Decode(ArchBytes(name), FileName(name));

    /// <summary>A preset's arch.yaml parsed as a YAML file, with the SHA-256 of its bytes.</summary>
    public static YamlFile ArchFile(string name) => YamlFile.FromBytes(ArchBytes(name), FileName(name));

    /// <summary>A preset's parsed architecture.</summary>
    public static ArchitectureSpec Arch(string name) => ArchitectureLoader.Parse(ArchFile(name));
}
