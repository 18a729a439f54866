using Comet.Reports.Runs;
using Comet.Reports.Sequences;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Sweeps;

/// <summary>Runs an unfused sequence folder as one validation case: every step through the model and the simulator, the row holding the sums.</summary>
public static class SequenceValidation
{
    /// <summary>Evaluates and simulates each step of <paramref name="c"/> in order (the event budget shared by all of them); null figures when a step fails, with its status.</summary>
    public static ValidationCaseResult Run(ValidationCase c, long maxEvents, CancellationToken token, ExecutionOptions? execution)
    {
        ArgumentNullException.ThrowIfNull(c);
        var figures = new List<SequenceStepFigures>();
        long events = 0;
        long analyticRoot = 0;
        try
        {
            var sequence = SequenceFolder.Open(c.Folder);
            foreach (var step in sequence.Steps)
            {
                var inputs = sequence.Load(step);
                var analytic = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(c.NocEnergy));
                analyticRoot += analytic.RootNodeCycles;
                var run = ExecutorRun.Execute(inputs, new Simulation(0), (execution ?? ExecutionOptions.Default) with { NocEnergy = c.NocEnergy }, token, maxEvents - events);
                events += run.End.Events;
                if (run.End.OutOfEvents || run.End.Cancelled)
                {
                    return Failed(c, figures, events, run.End.Cancelled ? "skipped: cancelled" : $"skipped: event budget ({maxEvents} events) reached in step {step}");
                }

                var root = inputs.Architecture.Levels.First(l => l.IsRoot).Name;
                var dram = run.Result.Levels.FirstOrDefault(l => l.Level == root);
                figures.Add(new SequenceStepFigures(step, analytic.TotalCycles, analytic.TotalEnergyPj, run.Result.SimulatedCycles, run.Result.TotalEnergy, dram?.BytesRead ?? 0, dram?.BytesWritten ?? 0));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(c, figures, events, ValidationSweep.ErrorStatus(e));
        }

        var analyticCycles = figures.Sum(f => f.AnalyticCycles!.Value);
        var simulated = figures.Sum(f => f.SimulatedCycles!.Value);
        var analyticEnergy = figures.Sum(f => f.AnalyticEnergyPj!.Value);
        var energy = Math.Round(figures.Sum(f => f.SimulatedEnergyPj!.Value), 4);
        return new ValidationCaseResult(
            c, analyticCycles, analyticRoot, simulated,
            SimulationSummary.ErrorPercent(simulated, analyticCycles), SimulationSummary.ErrorPercent(simulated, analyticRoot),
            analyticEnergy, energy, SimulationSummary.ErrorPercent(energy, analyticEnergy), events, ValidationCaseResult.Ok,
            null, SequenceReport.SummaryJson(c.Name, figures), []);
    }

    private static ValidationCaseResult Failed(ValidationCase c, List<SequenceStepFigures> done, long events, string status) =>
        new(c, null, null, null, null, null, null, null, null, events, status + (done.Count > 0 ? $" (after {string.Join(", ", done.Select(d => d.Step))})" : string.Empty), null, null, []);
}
