using System.Globalization;
using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet calibrate --from-search</c> on hand-made search folders whose "simulated" cycles are exactly twice the model's: every coefficient is 2, the held-out error drops from 50 % to 0, and the ranking is kept.</summary>
public class CalibrateFromSearchTests : TempFolderTest
{
    private static readonly string[] Examples =
    [
        "gemm-softmax-edge-fused", "gemm-softmax-cloud-fused", "gemm-layernorm-edge-fused",
        "gemm-layernorm-cloud-fused", "attention-edge-fused", "gemm-softmax-edge-unfused",
    ];

    [Test]
    public void SimulatedTwiceTheModel_CoefficientsAreTwo_HeldOutErrorFallsFromFiftyToZero()
    {
        var search = Path.Combine(Root, "search-a");
        var csv = new StringBuilder("index,M_Compute,status,analytic_cycles,analytic_energy_pj,dram_bytes,simulated_cycles,simulated_energy_pj,top_rank\n");
        var totals = Examples.Select(e => Analyze(ExampleFolder(e))).ToList();
        // top_rank follows the doubled cycles, so the simulator's order is the model's.
        var order = totals.Select((t, i) => (t, i)).OrderBy(p => p.t).Select(p => p.i).ToList();
        for (var i = 0; i < Examples.Length; i++)
        {
            CopyFolder(ExampleFolder(Examples[i]), Path.Combine(search, "top", $"{i + 1:00}-i{i + 100}"));
            csv.Append(CultureInfo.InvariantCulture, $"{i + 100},1,ok,{totals[i]},1,1,{2 * totals[i]},1,{order.IndexOf(i) + 1}\n");
        }

        csv.Append("999,1,ok,5,1,1,,,\n"); // not simulated: not a sample
        File.WriteAllText(Path.Combine(search, "search.csv"), csv.ToString());

        var (code, stdout, stderr) = Run("calibrate", "--from-search", search, "--out", Path.Combine(Root, "out"), "--json");

        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That((root.GetProperty("training").GetInt32(), root.GetProperty("held_out").GetInt32()), Is.EqualTo((4, 2)));
        foreach (var term in new[] { "cs", "os", "tmw" })
        {
            Assert.That(root.GetProperty("coefficients").GetProperty(term).GetDouble(), Is.EqualTo(2.0).Within(1e-4), term);
        }

        // Before: the model predicts half the observed cycles, |(x − 2x) / 2x| = 50 %; after: 2x exactly.
        Assert.That(root.GetProperty("held_out_error_before").GetProperty("median_pct").GetDouble(), Is.EqualTo(50.0));
        Assert.That(root.GetProperty("held_out_error_before").GetProperty("max_pct").GetDouble(), Is.EqualTo(50.0));
        Assert.That(root.GetProperty("held_out_error_after").GetProperty("max_pct").GetDouble(), Is.EqualTo(0.0).Within(1e-3));
        var s = root.GetProperty("searches")[0];
        Assert.That((s.GetProperty("search").GetString(), s.GetProperty("top_k").GetInt32()), Is.EqualTo(("search-a", 6)));
        Assert.That((s.GetProperty("kendall_tau_before").GetDouble(), s.GetProperty("kendall_tau_after").GetDouble()), Is.EqualTo((1.0, 1.0)));
        Assert.That(File.ReadAllLines(Path.Combine(Root, "out", "calibration.csv")), Has.Length.EqualTo(7));
    }

    [Test]
    public void AFolderWithoutSearchCsv_IsBadInput()
    {
        var (code, _, stderr) = Run("calibrate", "--from-search", Root, "--out", Path.Combine(Root, "out"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("holds no search.csv"));
    }

    private static string ExampleFolder(string name) => Path.Combine(ReferenceCases.RepositoryRoot, "examples", "compound", name);

    private static long Analyze(string folder)
    {
        var (code, stdout, stderr) = Run("analyze", "--case", folder, "--json");
        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.GetProperty("total_cycles").GetInt64();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            CopyFolder(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
