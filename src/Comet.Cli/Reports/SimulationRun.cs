using Comet.Cli.Cancellation;
using Comet.Cli.Output;
using Comet.Cli.Plots;
using Comet.Hardware.Inputs;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Cli.Reports;

/// <summary>Runs one simulation and writes its folder: trace.csv, trace.json, summary.json, timeline.png/svg, run-info.json.</summary>
public static class SimulationRun
{
    /// <summary>Simulates <paramref name="request"/>, evaluates the analytical model beside it, and commits the output folder.</summary>
    /// <exception cref="InputException">The mapping deadlocks on the simulated hardware, or the output folder cannot be written.</exception>
    public static SimulationOutcome Execute(SimulationRequest request, CancellationToken token)
    {
        var started = DateTimeOffset.UtcNow;
        var analytic = TryAnalytic(request);
        using var dir = OutputDirectory.Begin(request.OutputFolder);
        var sim = new Simulation(request.Seed);
        string? csvPath = null;
        ITraceSink? sink = null;
        var plotOptions = new TimelinePlotOptions();
        TimelineAccumulator? timeline = null;
        if (request.Trace != SimulationTraceLevel.None)
        {
            csvPath = dir.PathFor("trace.csv");
            // The timeline is folded from the very rows the CSV gets, on the writer thread, instead of re-reading the CSV afterwards.
            timeline = request.Plots ? new TimelineAccumulator(plotOptions.MaxBinsPerLane) : null;
            ITraceSink both = timeline is null
                ? new CompositeTraceSink(new CsvTraceSink(csvPath), new ChromeTraceSink(dir.PathFor("trace.json")))
                : new CompositeTraceSink(new CsvTraceSink(csvPath), new ChromeTraceSink(dir.PathFor("trace.json")), new TimelineTraceSink(timeline));
            // Merging, formatting and writing run on a writer thread, overlapping the simulation.
            sink = request.Trace switch
            {
                SimulationTraceLevel.Raw => new BackgroundTraceSink(both),
                SimulationTraceLevel.Summary => new SimulationTraceFilter(new BackgroundTraceSink(new CoalescingTraceSink(both))),
                _ => new BackgroundTraceSink(new CoalescingTraceSink(both)),
            };
        }

        SimulationResult result;
        bool cancelled;
        try
        {
            sim.Trace = sink;
            var executor = new DataflowExecutor(request.Inputs, sim, request.ExecutionOrDefault with { NocEnergy = request.NocEnergy });
            executor.Start();
            try
            {
                cancelled = CancellableRun.Run(sim, token).Cancelled;
            }
            catch (DeadlockException e)
            {
                throw new InputException(request.MappingPath, "mapping", DataflowExecutor.Deadlock(e).Message, inner: e);
            }
            catch (SimulationDeadlockException e)
            {
                throw new InputException(request.MappingPath, "mapping", e.Message, inner: e);
            }

            result = executor.Collect();
        }
        finally
        {
            sim.Trace = null;
            sink?.Flush();
            sink?.Dispose();
        }

        var summary = SimulationSummary.Build(request, result, analytic, cancelled);
        var names = new List<string>();
        File.WriteAllText(dir.PathFor("summary.json"), summary);
        names.Add("summary.json");
        if (csvPath is not null)
        {
            names.Add("trace.csv");
            names.Add("trace.json");
            if (timeline is not null)
            {
                TimelinePlot.Render(timeline, dir.PathFor("timeline.png"), dir.PathFor("timeline.svg"), plotOptions with { Title = $"{request.Name}: {result.SimulatedCycles} cycles simulated" });
                names.Add("timeline.png");
                names.Add("timeline.svg");
            }
        }

        names.Add(RunInfo.FileName);
        dir.Commit(RunInfo.Capture(request.Command, request.Arguments ?? [], started, cancelled));
        return new SimulationOutcome(result, analytic, summary, names.Select(n => Path.Combine(dir.FinalPath, n)).ToList(), cancelled);
    }

    /// <summary>The analytical model's report for the same inputs, or null when the model cannot evaluate them (the simulation never depends on it).</summary>
    public static AnalyticReport? TryAnalytic(SimulationRequest request)
    {
        try
        {
            return AnalyticalModel.Evaluate(request.Inputs, new AnalyticOptions(request.NocEnergy));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Writes the comparison table and the files written to <paramref name="output"/>.</summary>
    public static void Print(TextWriter output, SimulationOutcome outcome)
    {
        SimulationTable.Write(output, outcome.Result, outcome.Analytic);
        output.WriteLine();
        if (outcome.Cancelled)
        {
            output.WriteLine($"stopped by Ctrl-C at cycle {outcome.Result.SimulatedCycles}; the files hold what was simulated until then");
        }

        output.WriteLine($"{outcome.Result.Events} events, {outcome.Result.SimulatedCycles} cycles simulated");
        foreach (var f in outcome.Files)
        {
            output.WriteLine($"wrote {f}");
        }
    }
}
