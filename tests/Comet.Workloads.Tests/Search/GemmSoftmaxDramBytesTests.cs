using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Search;

/// <summary>GEMM-Softmax's DRAM closed form in search.csv equals the model's DRAM traffic for every tiling, including several DRAM steps (B is not fetched again).</summary>
public class GemmSoftmaxDramBytesTests
{
    // Edge arch.yaml: a DRAM access of 8 bytes costs 800 pJ, so the model's DRAM energy is 100 pJ per byte moved.
    private const double EdgeDramPjPerByte = 800.0 / 8;

    [TestCase(true)]
    [TestCase(false)]
    public void DramBytes_EqualTheModelsDramTraffic(bool fused)
    {
        var request = new GenerationRequest("gemm-softmax", "edge", new Dictionary<string, long> { ["M"] = 16, ["N"] = 16, ["K"] = 2 }, fused);
        var setup = ((ISearchableTemplate)CompoundTemplates.Find("gemm-softmax")).Searchable(request, wide: false);
        var costed = 0;
        var severalDramSteps = 0;
        foreach (var t in setup.Space.Enumerate())
        {
            if (Dram(setup, t) is not { } pj)
            {
                continue;
            }

            Assert.That(setup.DramBytes(t), Is.EqualTo(pj / EdgeDramPjPerByte).Within(1e-6), $"candidate {t.Index}");
            costed++;
            severalDramSteps += Factors(setup, t).Any(f => f.Key.EndsWith("M_A_DRAM_temporal", StringComparison.Ordinal) || f.Key.EndsWith("M_DRAM_temporal", StringComparison.Ordinal)) && Factors(setup, t).Where(f => f.Key.Contains("DRAM_temporal", StringComparison.Ordinal)).Any(f => f.Value != "1") ? 1 : 0;
        }

        Assert.That(costed, Is.GreaterThan(3));
        Assert.That(severalDramSteps, Is.GreaterThan(0), "some costed tilings loop over M at DRAM");
    }

    [Test]
    public void DramBytes_AuthorsEdgeShape_AreTheGeneratedExamplesTraffic()
    {
        // docs/generate.md: fused reads 65 536 B (A, B) and writes 65 536 B (H); unfused 131 072 B each way.
        Assert.That(GemmSoftmaxSearch.FusedDramBytes(256, 256, 128), Is.EqualTo(65_536 + 65_536));
        Assert.That(GemmSoftmaxSearch.UnfusedDramBytes(256, 256, 128), Is.EqualTo(131_072 + 131_072));
    }

    private static IEnumerable<KeyValuePair<string, string>> Factors(SearchSetup setup, Tiling t) =>
        setup.Files(t).Where(f => f.RelativePath.EndsWith("const.yaml", StringComparison.Ordinal))
            .SelectMany(f => f.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':') && !l.StartsWith('#') && l != "const:")
                .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':')].Trim(), l[(l.IndexOf(':') + 1)..].Trim())));

    private static double? Dram(SearchSetup setup, Tiling t)
    {
        var files = setup.Files(t).ToDictionary(f => f.RelativePath, f => f.Text);
        var arch = files["arch.yaml"];
        var folders = files.TryGetValue(SequenceFolder.SequenceFile, out var seq) ? seq.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "/").ToArray() : [string.Empty];
        double dram = 0;
        foreach (var f in folders)
        {
            try
            {
                var inputs = CometInputLoader.Parse(arch, files[f + "problem.yaml"], files[f + "mapping.yaml"], files[f + "const.yaml"]);
                dram += AnalyticalModel.Evaluate(inputs, new AnalyticOptions(NocEnergy: true)).EnergyBreakdownPj["DRAM"];
            }
            catch (InputException)
            {
                return null;
            }
        }

        return dram;
    }
}
