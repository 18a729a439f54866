using Comet.Bench;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>A fast subset of the output pins (<c>bench/Comet.Bench -- pin</c> checks the whole corpus): the analyze output, summary.json and trace.csv of these cases are byte for byte the pinned ones.</summary>
[TestFixture]
public class PinnedOutputsTests
{
    private static readonly string[] FastCases =
    [
        "reference/ex_base",
        "reference/gemm_only",
        "reference/ex_x_bad_dim_product",
        "oracle/ex_M16N64K128_t0",
        "oracle/edge_coll2_allgather",
        "oracle/ex_M32N128K512_t0",
    ];

    private static IEnumerable<string> Cases() => FastCases;

    [TestCaseSource(nameof(Cases))]
    public void Outputs_AreTheOnesPinned(string name)
    {
        var root = ReferenceCases.RepositoryRoot;
        var folder = name.StartsWith("reference/", StringComparison.Ordinal)
            ? Path.Combine(ReferenceCases.CasesRoot, name["reference/".Length..])
            : Path.Combine(root, "tests", "data", "oracle", name["oracle/".Length..]);
        Assume.That(Directory.Exists(folder), $"{folder} is not here");
        var pinned = File.ReadAllLines(Path.Combine(root, PinBench.PinFile)).Skip(1)
            .Where(l => l.StartsWith(name + "\t", StringComparison.Ordinal)).ToList();
        Assert.That(pinned, Has.Count.EqualTo(3), $"{name} has no pins in {PinBench.PinFile}");
        Assert.That(PinBench.Pins(name, folder).ToList(), Is.EqualTo(pinned));
    }
}
