using System.Text.Json;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>The checks COMET lacks, through the real command line: warnings on stderr (exit unchanged), malformed ranges as errors, hop-table notes.</summary>
public class InputChecksCliTests : TempFolderTest
{
    private static string Example => Path.Combine(ReferenceCases.RepositoryRoot, "examples", "ex_base");

    private static string[] Inputs(string folder, string? arch = null) =>
    [
        "--arch", arch ?? Path.Combine(folder, "arch.yaml"), "--problem", Path.Combine(folder, "problem.yaml"),
        "--mapping", Path.Combine(folder, "mapping.yaml"), "--constants", Path.Combine(folder, "const.yaml"),
    ];

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string EditedArch(string from, string to)
    {
        var path = Path.Combine(Root, "arch.yaml");
        var text = File.ReadAllText(Path.Combine(Example, "arch.yaml"));
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(path, text.Replace(from, to));
        return path;
    }

    [Test]
    public void Analyze_ShippedExample_WarnsOfItsSlowLinksAndStillExitsZero()
    {
        var (code, stdout, stderr) = ValidateCaseFolders.Run(["analyze", .. Inputs(Example)]);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("Total cycles"));
        var lines = Lines(stderr);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Is.EqualTo(
            "warning: arch.yaml:108:26: Hierarchy[0].connects[0].attributes.queuing_delay: the GBuffer mesh links move 2 B/cycle "
            + "(channel_width 32 bits, the default, per queuing_delay 2 cycles), far below the 64 B/cycle ports (bw) that feed them; "
            + "transfers over this mesh are link-bound (set channel_width: 1024 to match the ports)"));
        Assert.That(lines.Skip(1), Has.All.StartWith("warning: arch.yaml:").And.All.Contains("move 2 B/cycle").And.All.Contains("128 B/cycle ports"));
    }

    [Test]
    public void Simulate_TheShippedExample_TellsTheUserItsLinksAreSlow()
    {
        var (code, _, stderr) = ValidateCaseFolders.Run("simulate", "--case", Example, "--trace", "none", "--out", Path.Combine(Root, "out"), "--json");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(Lines(stderr).Select(l => l.Split(": ")[1]), Is.EqualTo(new[] { "arch.yaml:108:26", "arch.yaml:119:30", "arch.yaml:141:30", "arch.yaml:163:30" }));
    }

    [Test]
    public void Analyze_MalformedInstanceRange_ExitsTwoWithThePosition()
    {
        var arch = EditedArch("name: GBuffer[0..3]", "name: GBuffer[0..]");

        var (code, stdout, stderr) = ValidateCaseFolders.Run(["analyze", .. Inputs(Example, arch)]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.EqualTo("error: arch.yaml:98:15: Hierarchy[0].connects[0].name: malformed instance range 'GBuffer[0..]' (expected <level>[<first>..<last>], e.g. GBuffer[0..3])" + Environment.NewLine));
    }

    [Test]
    public void Analyze_InstanceRangeDisagreeingWithTheMesh_WarnsAndUsesTheMesh()
    {
        var arch = EditedArch("name: GBuffer[0..3]", "name: GBuffer[0..2]");
        var plain = ValidateCaseFolders.Run(["analyze", "--json", .. Inputs(Example)]);

        var (code, stdout, stderr) = ValidateCaseFolders.Run(["analyze", "--json", .. Inputs(Example, arch)]);

        Assert.That(code, Is.Zero);
        Assert.That(Lines(stderr)[0], Is.EqualTo("warning: arch.yaml:98:15: Hierarchy[0].connects[0].name: 'GBuffer[0..2]' names 3 instances but meshX x meshY = 2 x 2 = 4; Comet uses 4 (meshX x meshY), as COMET does, and ignores the range"));
        Assert.That(stdout.Split("\"input_sha256\"")[0], Is.EqualTo(plain.Stdout.Split("\"input_sha256\"")[0]), "the figures are those of the 4-instance mesh");
    }

    [Test]
    public void AnalyzeJson_Mesh3x3_NotesTheHopTableExtension_ExBaseHasNone()
    {
        var mesh = ValidateCaseFolders.Run(["analyze", "--json", .. Inputs(ReferenceCases.Case("ex_a_mesh3x3"))]);
        var plain = ValidateCaseFolders.Run(["analyze", "--json", .. Inputs(Example)]);

        using var meshDoc = JsonDocument.Parse(mesh.Stdout);
        using var plainDoc = JsonDocument.Parse(plain.Stdout);
        Assert.That(meshDoc.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[]
        {
            "DRAM->GBuffer: COMET has no hop table for a 3x3 mesh (it aborts); the analytic figure uses Comet's extension H = D = (X-1)+(Y-1) = 4",
        }));
        Assert.That(plainDoc.RootElement.GetProperty("notes").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Simulate_Mesh3x3_NotesTheExtensionInTheTableAndSummary()
    {
        var outFolder = Path.Combine(Root, "out");
        var (code, stdout, stderr) = ValidateCaseFolders.Run(["simulate", .. Inputs(ReferenceCases.Case("ex_a_mesh3x3")), "--trace", "none", "--out", outFolder]);

        Assert.That(code, Is.Zero, stderr);
        const string note = "DRAM->GBuffer: COMET has no hop table for a 3x3 mesh (it aborts); the analytic figure uses Comet's extension H = D = (X-1)+(Y-1) = 4";
        Assert.That(Lines(stdout), Does.Contain("note: " + note));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")));
        Assert.That(summary.RootElement.GetProperty("analytic_notes").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { note }));
    }

    [Test]
    public void Simulate_SpatialNodeWithSiblings_ComparesItsOwnStagesNotTheWholeParent()
    {
        // im_edge node 8 (ROWMAX, spatial under the temporal GB node): COMET 18 048 cycles; its stages of one parent
        // invocation 128 x 130 = 16 640 → (16640 − 18048) / 18048 = −7.8014 %. Before: the parent's 25 250 595 → +139 808 %.
        var outFolder = Path.Combine(Root, "out");
        var (code, stdout, stderr) = ValidateCaseFolders.Run(["simulate", .. Inputs(ReferenceCases.Case("im_edge_M256N256K128_0")), "--trace", "none", "--out", outFolder]);

        Assert.That(code, Is.Zero, stderr);
        var row = Lines(stdout).Single(l => l.StartsWith("DataMovementTileNode::8 ", StringComparison.Ordinal));
        Assert.That(row.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Is.EqualTo(new[] { "DataMovementTileNode::8", "spatial", "GB", "18048", "16640", "-7.8", "its stages of one parent invocation" }));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")));
        var node = summary.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("node").GetString() == "DataMovementTileNode::8");
        Assert.That(node.GetProperty("simulated_cycles").GetDouble(), Is.EqualTo(16640));
        Assert.That(node.GetProperty("error_pct").GetDouble(), Is.EqualTo(-7.8014));
        Assert.That(node.GetProperty("simulated_basis").GetString(), Is.EqualTo("parent_stages"));
        Assert.That(node.GetProperty("simulated_cycles_per_invocation").GetDouble(), Is.EqualTo(130));
    }
}
