using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Reports.Tracing;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>Runs one simulation and writes its folder: the trace files asked for (trace.csv, trace.json, trace.perfetto-trace), summary.json, the request's drawing (timeline.png/svg), run-info.json.</summary>
public static class SimulationRun
{
    /// <summary>Simulates <paramref name="request"/>, evaluates the analytical model beside it, and commits the output folder.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="token">Stops the run between two events when cancelled; the files then hold what was simulated.</param>
    /// <exception cref="InputException">The mapping deadlocks on the simulated hardware, or the output folder cannot be written.</exception>
    public static SimulationOutcome Execute(SimulationRequest request, CancellationToken token)
    {
        var started = DateTimeOffset.UtcNow;
        var formats = request.TraceFormatsOrDefault;
        var analytic = TryAnalytic(request);
        using var dir = OutputDirectory.Begin(request.OutputFolder);
        var sim = new Simulation(request.Seed);
        var traceFiles = new List<string>();
        ITraceSink? sink = null;
        ITraceDrawing? drawing = null;
        if (request.Trace != SimulationTraceLevel.None)
        {
            // The drawing is folded from the very rows the trace files get, on the writer thread, instead of re-reading the CSV afterwards.
            drawing = request.Drawing?.Invoke();
            var sinks = new List<ITraceSink>();
            foreach (var format in TraceFileFormats.In(formats))
            {
                sinks.Add(format.CreateSink(dir.PathFor(format.FileName)));
                traceFiles.Add(format.FileName);
            }

            if (drawing is not null)
            {
                sinks.Add(drawing.Sink);
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

        ExecutorRunResult run;
        try
        {
            sim.Trace = sink;
            run = ExecutorRun.Execute(request.Inputs, sim, request.ExecutionOrDefault with { NocEnergy = request.NocEnergy }, token);
        }
        catch (SimulationDeadlockException e)
        {
            throw new InputException(request.MappingPath, "mapping", e.Message, inner: e);
        }
        finally
        {
            sim.Trace = null;
            sink?.Flush();
            sink?.Dispose();
        }

        var result = run.Result;
        var cancelled = run.End.Cancelled;
        var summary = SimulationSummary.Build(request, result, analytic, cancelled);
        var names = new List<string>();
        File.WriteAllText(dir.PathFor("summary.json"), summary);
        names.Add("summary.json");
        if (request.Trace != SimulationTraceLevel.None)
        {
            names.AddRange(traceFiles);
            if (drawing is not null)
            {
                names.AddRange(drawing.Draw(dir, request.Name, result.SimulatedCycles));
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
}
