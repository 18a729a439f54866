using Comet.Tests.Shared;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>--preset NAME</c> in place of <c>--arch</c>, and <c>comet presets</c>.</summary>
public class PresetOptionTests
{
    [Test]
    public void Analyze_PresetEdge_SameReportAsTheAuthorsEdgeArchFile()
    {
        var edge = ReferenceCases.Case("im_edge_M256N256K128_0");
        var withFile = Run("analyze", "--json", "--case", edge);
        var withPreset = Run("analyze", "--json", "--case", edge, "--preset", "edge");
        Assert.That(withFile.Code, Is.Zero, withFile.Stderr);
        Assert.That(withPreset.Code, Is.Zero, withPreset.Stderr);
        // The preset is the very file, so even the arch hash agrees.
        Assert.That(withPreset.Stdout, Is.EqualTo(withFile.Stdout));
    }

    [Test]
    public void Analyze_PresetAndArch_OneErrorLineExitTwo()
    {
        var edge = ReferenceCases.Case("im_edge_M256N256K128_0");
        var (code, stdout, stderr) = Run("analyze", "--case", edge, "--preset", "edge", "--arch", Path.Combine(edge, "arch.yaml"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.EqualTo("error: --preset and --arch are mutually exclusive (give one architecture)\n"));
    }

    [Test]
    public void Simulate_UnknownPreset_SuggestsTheNearest()
    {
        var (code, _, stderr) = Run("simulate", "--case", ReferenceCases.Case("im_edge_M256N256K128_0"), "--preset", "clod");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo("error: --preset: unknown preset 'clod' (presets: edge, cloud, example) (did you mean 'cloud'?)\n"));
    }

    [Test]
    public void Presets_Json_ListsTheAuthorsMeshesAndBuffers()
    {
        var (code, stdout, stderr) = Run("presets", "--json");
        Assert.That(code, Is.Zero, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var rows = doc.RootElement.GetProperty("presets").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "edge", "cloud", "example" }));
        // edge: GB 2048 B x 1024 = 2 MiB, 2x2 clusters of 2x2 cores, DRAM 25 B/cycle; cloud: 4096 x 2048 = 8 MiB, 4x4 of 4x4, 50 B/cycle.
        Assert.That(rows[0].GetProperty("cluster_buffer_bytes").GetInt64(), Is.EqualTo(2048 * 1024));
        Assert.That(rows[0].GetProperty("core_mesh").GetString(), Is.EqualTo("2x2"));
        Assert.That(rows[0].GetProperty("dram_bytes_per_cycle").GetInt64(), Is.EqualTo(25));
        Assert.That(rows[1].GetProperty("cluster_buffer_bytes").GetInt64(), Is.EqualTo(4096 * 2048));
        Assert.That(rows[1].GetProperty("cluster_mesh").GetString(), Is.EqualTo("4x4"));
        Assert.That(rows[1].GetProperty("dram_bytes_per_cycle").GetInt64(), Is.EqualTo(50));
        // Both evaluation presets: an 8x8 grid of 32x32 systolic arrays and a 16-lane SIMD engine; IB 4096 B x 8, OB 4096 B x 32.
        Assert.That(rows[1].GetProperty("gemm_engine").GetString(), Is.EqualTo("SystolicArray 8x8 of 32x32"));
        Assert.That(rows[1].GetProperty("simd_lanes").GetInt64(), Is.EqualTo(16));
        Assert.That(rows[1].GetProperty("input_buffer_bytes").GetInt64(), Is.EqualTo(4096 * 8));
        Assert.That(rows[1].GetProperty("output_buffer_bytes").GetInt64(), Is.EqualTo(4096 * 32));
    }

    [Test]
    public void Presets_Table_OneRowPerPreset()
    {
        var (code, stdout, _) = Run("presets");
        Assert.That(code, Is.Zero);
        var lines = stdout.Split('\n');
        Assert.That(lines[0], Does.StartWith("preset"));
        Assert.That(lines[1], Does.StartWith("edge").And.Contain("2097152"));
        Assert.That(lines[2], Does.StartWith("cloud").And.Contain("8388608"));
        Assert.That(lines[3], Does.StartWith("example"));
    }

    [Test]
    public void PresetFiles_AreTheAuthorsArchitectures()
    {
        var root = ReferenceCases.RepositoryRoot;
        Assert.That(File.ReadAllBytes(Path.Combine(root, "examples", "presets", "edge", "arch.yaml")), Is.EqualTo(File.ReadAllBytes(Path.Combine(ReferenceCases.Case("im_edge_M256N256K128_0"), "arch.yaml"))));
        Assert.That(File.ReadAllBytes(Path.Combine(root, "examples", "presets", "cloud", "arch.yaml")), Is.EqualTo(File.ReadAllBytes(Path.Combine(ReferenceCases.Case("im_cloud_M2048N2048K256_0"), "arch.yaml"))));
        Assert.That(File.ReadAllBytes(Path.Combine(root, "examples", "presets", "example", "arch.yaml")), Is.EqualTo(File.ReadAllBytes(Path.Combine(root, "examples", "ex_base", "arch.yaml"))));
        Assert.That(Workloads.Generation.Presets.ArchBytes("cloud"), Is.EqualTo(File.ReadAllBytes(Path.Combine(root, "examples", "presets", "cloud", "arch.yaml"))), "the embedded copy is the file");
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
