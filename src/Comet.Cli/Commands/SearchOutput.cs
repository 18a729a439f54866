using System.Globalization;
using Comet.Cli.Terminal;
using Comet.Plots;
using Comet.Reports.Output;
using Comet.Reports.Search;
using Comet.Workloads.Search;

namespace Comet.Cli.Commands;

/// <summary>The end shared by <c>comet search</c> (unsharded) and <c>comet merge</c>: ranks, simulates the top k, writes search.csv, best/, top/ and search.png, and prints the top table.</summary>
public static class SearchOutput
{
    /// <summary>Finishes the search whose candidates <paramref name="recorder"/> took into <paramref name="dir"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> Finish(OutputDirectory dir, SearchSetup setup, SearchParameters parameters, SearchRecorder recorder, long maxEvents, int jobs, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(stdout);
        var tally = recorder.Tally;
        var top = (int)Math.Min(parameters.Top, tally.Costed);
        var outcome = SweepProgress.Run($"simulating the top {top.ToString(CultureInfo.InvariantCulture)}", stderr, progress =>
        {
            progress(0, top);
            var result = SearchFinish.Run(setup, parameters, tally, dir.PathFor, maxEvents, jobs, token);
            progress(top, top);
            return result;
        });
        recorder.Complete(dir.PathFor("search.csv"), outcome.Simulated);
        var names = new List<string> { "search.csv" };
        if (outcome.Winner is { } winner)
        {
            SearchFinish.WriteCase(dir.PathFor, "best", setup.Files(winner.Tiling));
            names.Add("best/");
            names.Add("top/");
        }

        SearchPlot.Render(outcome, dir.PathFor("search.png"), $"{parameters.Operation} {(parameters.Fused ? "fused" : "unfused")} {parameters.Shape} on {parameters.Preset}");
        names.Add("search.png");
        Print(stdout, setup.Space, outcome, parameters);
        return names;
    }

    private static void Print(TextWriter stdout, TilingSpace space, SearchOutcome outcome, SearchParameters parameters)
    {
        var tally = outcome.Tally;
        stdout.WriteLine($"{tally.Candidates.ToString(CultureInfo.InvariantCulture)} candidates: {tally.Pruned.ToString(CultureInfo.InvariantCulture)} pruned (tiles do not fit), {tally.Invalid.ToString(CultureInfo.InvariantCulture)} invalid, {tally.Costed.ToString(CultureInfo.InvariantCulture)} costed; ranked by {parameters.ObjectiveWord}");
        if (outcome.Winner is null)
        {
            stdout.WriteLine("no candidate fits: nothing simulated, no best/");
            return;
        }

        stdout.WriteLine("rank  index       analytic_cycles  simulated_cycles  analytic_energy_pj  dram_bytes");
        for (var i = 0; i < outcome.Top.Count; i++)
        {
            var (c, s) = outcome.Top[i];
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1,4}  {c.Tiling.Index,-10}  {c.Cycles,15}  {(s.Cycles?.ToString(CultureInfo.InvariantCulture) ?? s.Status),16}  {c.EnergyPj,18:F0}  {c.DramBytes,10}"));
        }

        var w = outcome.Winner;
        stdout.WriteLine("best: " + string.Join(" ", space.FactorNames.Select((n, i) => $"{n}={w.Tiling.Factors[i].ToString(CultureInfo.InvariantCulture)}").Concat(space.OrderNames.Select((n, i) => $"{n}={w.Tiling.Orders[i]}"))));
    }
}
