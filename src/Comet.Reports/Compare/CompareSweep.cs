using System.Globalization;
using Comet.Reports.Sweeps;
using Comet.Workloads.Execution;

namespace Comet.Reports.Compare;

/// <summary>Runs every case with every mechanism on and once more per formula assumption, and attributes each gap to the mechanisms.</summary>
public static class CompareSweep
{
    /// <summary>Runs the cases (at most <paramref name="jobs"/> simulations at once; results in case order whatever the concurrency).</summary>
    /// <param name="cases">The cases, as <see cref="ValidationSweep.Discover"/> finds them.</param>
    /// <param name="maxEvents">Event budget of each simulation.</param>
    /// <param name="jobs">Simulations run at once.</param>
    /// <param name="progress">Called after each simulation with the number done and the total.</param>
    /// <param name="token">Stops between two events when cancelled.</param>
    /// <param name="execution">The mechanisms of the "every mechanism on" run (default: <see cref="ExecutionOptions.Default"/>).</param>
    public static IReadOnlyList<CompareCaseResult> Run(IReadOnlyList<ValidationCase> cases, long maxEvents, int jobs, Action<int, int>? progress, CancellationToken token, ExecutionOptions? execution = null)
    {
        var baseline = execution ?? ExecutionOptions.Default;
        var variants = new List<ExecutionOptions> { baseline };
        variants.AddRange(FormulaAssumptions.All.Select(a => a.Apply(baseline)));
        var runs = new ValidationCaseResult[cases.Count, variants.Count];
        var total = cases.Count * variants.Count;
        var done = 0;
        Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, k =>
        {
            var (c, v) = (k / variants.Count, k % variants.Count);
            runs[c, v] = ValidationSweep.RunCase(cases[c], maxEvents, token, variants[v]);
            progress?.Invoke(Interlocked.Increment(ref done), total);
        });

        var results = new List<CompareCaseResult>(cases.Count);
        for (var c = 0; c < cases.Count; c++)
        {
            var switched = Enumerable.Range(1, variants.Count - 1).Select(v => runs[c, v]).ToList();
            results.Add(Build(runs[c, 0], switched));
        }

        return results;
    }

    /// <summary>Pairs a case's run with its switched runs: the total's attribution and each component's.</summary>
    public static CompareCaseResult Build(ValidationCaseResult run, IReadOnlyList<ValidationCaseResult> switched)
    {
        var total = GapAttribution.Of(run.AnalyticTotalCycles, run.SimulatedCycles, [.. switched.Select(s => (double?)s.SimulatedCycles)]);
        var components = new List<CompareComponent>();
        foreach (var row in run.Levels)
        {
            var simulated = Number(row.SimulatedCycles);
            var analytic = Number(row.AnalyticCycles);
            var others = switched.Select(s => Number(s.Levels.FirstOrDefault(o => o.Kind == row.Kind && o.Name == row.Name)?.SimulatedCycles)).ToList();
            components.Add(new CompareComponent(row.Kind, row.Name, row.Detail, analytic, simulated, Number(row.CyclesErrorPct), GapAttribution.Of(analytic, simulated, others)));
        }

        return new CompareCaseResult(run, switched, total, components);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
