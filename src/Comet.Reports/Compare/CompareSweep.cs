using System.Globalization;
using Comet.Reports.Runs;
using Comet.Reports.Sweeps;
using Comet.Workloads.Execution;

namespace Comet.Reports.Compare;

/// <summary>Runs every case with every mechanism on and once more per formula assumption, and attributes each gap to the mechanisms.</summary>
public static class CompareSweep
{
    /// <summary>Runs the cases (at most <paramref name="jobs"/> simulations at once; results in case order whatever the concurrency).</summary>
    /// <remarks>
    /// Each case is loaded and evaluated by the model once. A case's run with every mechanism on comes first; a switched
    /// run is then made only when that run shows the switch changes something (<see cref="FormulaAssumption.SameRun"/>:
    /// no collective unlike direct, no lanes, nothing kept or prefetched) and the run finished; the others are recorded
    /// with their reason in <see cref="CompareCaseResult.NotRerun"/>. All runs share one queue, largest first
    /// (<see cref="CompareWorkQueue"/>).
    /// </remarks>
    /// <param name="cases">The cases, as <see cref="ValidationSweep.Discover"/> finds them.</param>
    /// <param name="maxEvents">Event budget of each simulation.</param>
    /// <param name="jobs">Simulations run at once.</param>
    /// <param name="progress">Called after each simulation (or switched run found unnecessary) with the number done and the total.</param>
    /// <param name="token">Stops between two events when cancelled.</param>
    /// <param name="execution">The mechanisms of the "every mechanism on" run (default: <see cref="ExecutionOptions.Default"/>).</param>
    public static IReadOnlyList<CompareCaseResult> Run(IReadOnlyList<ValidationCase> cases, long maxEvents, int jobs, Action<int, int>? progress, CancellationToken token, ExecutionOptions? execution = null)
    {
        var baseline = execution ?? ExecutionOptions.Default;
        var switches = FormulaAssumptions.All;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        var total = cases.Count * (switches.Count + 1);
        var done = 0;
        void Done() => progress?.Invoke(Interlocked.Increment(ref done), total);

        var prepared = new PreparedCase[cases.Count];
        Parallel.For(0, cases.Count, parallel, c => prepared[c] = ValidationSweep.Prepare(cases[c]));

        // First runs are sized by the trace-row estimate of their mapping, leaves streaming where the executor would
        // stream them (a sequence folder, loaded per run, goes last).
        var estimates = prepared.Select(p => p.Inputs is { } inputs
            ? TraceSizeEstimate.Rows(inputs.Mapping, baseline.StreamLeaves && EngineSharing.EnginesExclusive(inputs.Mapping))
            : 0).ToList();
        var queue = new CompareWorkQueue(estimates);
        var runs = new ValidationCaseResult[cases.Count];
        var switched = new ValidationCaseResult[cases.Count, switches.Count];
        var notRerun = new string?[cases.Count, switches.Count];
        Parallel.For(0, parallel.MaxDegreeOfParallelism, parallel, _ =>
        {
            while (queue.TryTake(out var w))
            {
                if (w.Switch >= 0)
                {
                    switched[w.Case, w.Switch] = ValidationSweep.Simulate(prepared[w.Case], maxEvents, token, switches[w.Switch].Apply(baseline));
                    Done();
                    continue;
                }

                var rerun = new List<int>();
                try
                {
                    var run = runs[w.Case] = ValidationSweep.Simulate(prepared[w.Case], maxEvents, token, baseline);
                    Done();
                    for (var s = 0; s < switches.Count; s++)
                    {
                        // A sequence folder's run reports no activity of its own: every switch is re-run.
                        var reason = run.Status != ValidationCaseResult.Ok
                            ? "the run with every mechanism on did not finish"
                            : run.Activity is { } activity ? switches[s].SameRun?.Invoke(activity) : null;
                        if (reason is null)
                        {
                            rerun.Add(s);
                            continue;
                        }

                        (switched[w.Case, s], notRerun[w.Case, s]) = (run, reason);
                        Done();
                    }
                }
                finally
                {
                    queue.FirstRunDone(w.Case, runs[w.Case]?.Events ?? 0, rerun);
                }
            }
        });

        var results = new List<CompareCaseResult>(cases.Count);
        for (var c = 0; c < cases.Count; c++)
        {
            var row = Enumerable.Range(0, switches.Count).Select(s => switched[c, s]).ToList();
            var reasons = Enumerable.Range(0, switches.Count).Select(s => notRerun[c, s]).ToList();
            results.Add(Build(runs[c], row) with { NotRerun = reasons });
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
