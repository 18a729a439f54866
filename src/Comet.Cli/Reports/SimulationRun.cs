using Comet.Cli.Cancellation;
using Comet.Cli.Output;
using Comet.Cli.Plots;
using Comet.Hardware.Inputs;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Cli.Reports;

/// <summary>Runs one simulation and writes its folder: the trace files asked for (trace.csv, trace.json, trace.perfetto-trace), summary.json, timeline.png/svg, run-info.json.</summary>
public static class SimulationRun
{
    /// <summary>Name of Perfetto's protobuf trace in the output folder.</summary>
    public const string PerfettoFileName = "trace.perfetto-trace";

    /// <summary>Simulates <paramref name="request"/>, evaluates the analytical model beside it, and commits the output folder.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="token">Cancelled by Ctrl-C.</param>
    /// <param name="stderr">Where a large trace is announced before the run (null: nowhere).</param>
    /// <exception cref="InputException">The mapping deadlocks on the simulated hardware, or the output folder cannot be written.</exception>
    public static SimulationOutcome Execute(SimulationRequest request, CancellationToken token, TextWriter? stderr = null)
    {
        var started = DateTimeOffset.UtcNow;
        var formats = request.TraceFormatsOrDefault;
        if (stderr is not null && TraceSizeEstimate.Warning(request.Inputs.Mapping, request.ExecutionOrDefault.StreamLeaves, request.Trace, formats, request.TraceWarningBytes) is { } warning)
        {
            stderr.WriteLine(warning);
        }

        var analytic = TryAnalytic(request);
        using var dir = OutputDirectory.Begin(request.OutputFolder);
        var sim = new Simulation(request.Seed);
        var traceFiles = new List<string>();
        ITraceSink? sink = null;
        var plotOptions = new TimelinePlotOptions();
        TimelineAccumulator? timeline = null;
        if (request.Trace != SimulationTraceLevel.None)
        {
            // The timeline is folded from the very rows the trace files get, on the writer thread, instead of re-reading the CSV afterwards.
            timeline = request.Plots ? plotOptions.NewAccumulator() : null;
            var sinks = new List<ITraceSink>();
            if (formats.HasFlag(SimulationTraceFormats.Csv))
            {
                sinks.Add(new CsvTraceSink(dir.PathFor("trace.csv")));
                traceFiles.Add("trace.csv");
            }

            if (formats.HasFlag(SimulationTraceFormats.Json))
            {
                sinks.Add(new ChromeTraceSink(dir.PathFor("trace.json")));
                traceFiles.Add("trace.json");
            }

            if (formats.HasFlag(SimulationTraceFormats.Perfetto))
            {
                sinks.Add(new PerfettoTraceSink(dir.PathFor(PerfettoFileName)));
                traceFiles.Add(PerfettoFileName);
            }

            if (timeline is not null)
            {
                sinks.Add(new TimelineTraceSink(timeline));
            }

            ITraceSink both = new CompositeTraceSink([.. sinks]);
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
        if (request.Trace != SimulationTraceLevel.None)
        {
            names.AddRange(traceFiles);
            if (timeline is not null)
            {
                TimelinePlot.Render(timeline, dir.PathFor("timeline.png"), dir.PathFor("timeline.svg"), plotOptions with { Title = request.Name, TotalCycles = result.SimulatedCycles });
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
