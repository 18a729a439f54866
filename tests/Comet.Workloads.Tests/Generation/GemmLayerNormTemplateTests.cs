using Comet.Workloads.Generation;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Generation;

/// <summary>The gemm-layernorm template against its reference cases (tests/data/compound/gemm-layernorm-16x32x32-*, whose figures <c>Compound/GemmLayerNorm*Tests</c> derive by hand).</summary>
public class GemmLayerNormTemplateTests
{
    private static GenerationRequest Request(bool fused, IReadOnlyDictionary<string, long>? shape = null)
        => new("gemm-layernorm", "edge", shape ?? new Dictionary<string, long> { ["M"] = 16, ["N"] = 32, ["K"] = 32 }, fused);

    [TestCase(true, "fused")]
    [TestCase(false, "unfused")]
    public void TheTemplate_WritesTheCheckedInFiles_WithTheDefaultRule(bool fused, string variant)
    {
        var folder = Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", $"gemm-layernorm-16x32x32-{variant}");
        var files = CompoundTemplates.Generate(Request(fused)).Files;
        Assert.That(files.Select(f => f.RelativePath).Order(StringComparer.Ordinal), Is.EqualTo(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)));
        foreach (var file in files)
        {
            Assert.That(file.Text, Is.EqualTo(File.ReadAllText(Path.Combine(folder, file.RelativePath))), file.RelativePath);
        }
    }

    [Test]
    public void Fused_WithOneCluster_HasNoAllReduce()
    {
        // Without an N split across clusters every row statistic is whole in its cluster: no collective node.
        var request = Request(true) with { ClusterSplit = new MeshSplit(1, 1) };
        var mapping = CompoundTemplates.Generate(request).Files.Single(f => f.RelativePath == "mapping.yaml").Text;
        Assert.That(mapping, Does.Not.Contain("CollectiveOperation"));
        Assert.That(CompoundTemplates.Generate(Request(true)).Files.Single(f => f.RelativePath == "mapping.yaml").Text.Split("type: allreduce").Length - 1, Is.EqualTo(2));
    }

    [Test]
    public void Unfused_RowsNotAMultipleOfTheSplit_SplitsColumns_AndNeitherNamesN()
    {
        // The LayerNorm step splits M over 2×2 clusters × 2×2 cores, or N when M is not a multiple of 16 (ColumnSplitRowStep): 32 / 16 = 2 columns per core.
        var columns = CompoundTemplates.Generate(Request(false, new Dictionary<string, long> { ["M"] = 8, ["N"] = 32, ["K"] = 32 }));
        var factors = columns.Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That((factors["02-layernorm:N_DRAM_spatial_X"], factors["02-layernorm:N_GB_spatial_X"], factors["02-layernorm:N_SM"]), Is.EqualTo(("2", "2", "2")));
        var e = Assert.Throws<Comet.Hardware.Inputs.InputException>(() => CompoundTemplates.Generate(Request(false, new Dictionary<string, long> { ["M"] = 8, ["N"] = 24, ["K"] = 32 })))!;
        Assert.That(e.Message, Does.Contain("N=24 cannot be tiled"));
    }

    [Test]
    public void UnknownFactor_NamesTheOperation()
    {
        var request = Request(true) with { Overrides = new Dictionary<string, string> { ["M_SX"] = "2" } };
        var e = Assert.Throws<Comet.Hardware.Inputs.InputException>(() => CompoundTemplates.Generate(request))!;
        Assert.That(e.Message, Does.Contain("gemm-layernorm's factors"));
    }
}
