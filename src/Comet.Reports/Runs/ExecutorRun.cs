using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Runs;

/// <summary>The one loop that runs a mapping on simulated hardware: until no event is left, the token is cancelled or an event budget is spent.</summary>
public static class ExecutorRun
{
    /// <summary>How many events run between two looks at the token, unless told otherwise.</summary>
    public const int DefaultCheckEvery = 1024;

    /// <summary>Builds the executor for <paramref name="inputs"/> in <paramref name="simulation"/>, runs it and collects what it observed.</summary>
    /// <param name="inputs">The parsed inputs.</param>
    /// <param name="simulation">The simulation to build the machine in (its trace sink, if any, already set).</param>
    /// <param name="options">Executor knobs.</param>
    /// <param name="token">Stops the run between two events when cancelled.</param>
    /// <param name="maxEvents">Event budget; the run stops when it is spent and events are still pending.</param>
    /// <exception cref="SimulationDeadlockException">The mapping cannot make progress.</exception>
    public static ExecutorRunResult Execute(CometInputSet inputs, Simulation simulation, ExecutionOptions options, CancellationToken token, long maxEvents = long.MaxValue)
    {
        var executor = new DataflowExecutor(inputs, simulation, options);
        executor.Start();
        RunEnd end;
        try
        {
            end = Run(simulation, token, maxEvents);
        }
        catch (DeadlockException e)
        {
            throw DataflowExecutor.Deadlock(e);
        }

        return new ExecutorRunResult(executor.Collect(), end);
    }

    /// <summary>Steps <paramref name="simulation"/> until no event is pending, <paramref name="token"/> is cancelled or <paramref name="maxEvents"/> events have run.</summary>
    /// <remarks>
    /// On a natural end it finishes with <see cref="Simulation.Run()"/>, so a deadlock is still reported as
    /// <see cref="DeadlockException"/>. When stopped early the simulation is left as it is, between two events, so trace
    /// sinks hold only whole records and can be flushed.
    /// </remarks>
    public static RunEnd Run(Simulation simulation, CancellationToken token, long maxEvents = long.MaxValue, int checkEvery = DefaultCheckEvery)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var end = Run(simulation.Step, () => simulation.Now, token, maxEvents, checkEvery);
        if (end.OutOfEvents && simulation.PendingEvents == 0)
        {
            // The budget ran out exactly with the last event: that is a natural end.
            end = end with { OutOfEvents = false };
        }

        if (end.Finished)
        {
            // The queue is empty: Run() reports processes left waiting as a deadlock.
            simulation.Run();
        }

        return end;
    }

    /// <summary>Runs <paramref name="step"/> until it returns false, <paramref name="token"/> is cancelled or it has run <paramref name="maxEvents"/> times.</summary>
    public static RunEnd Run(Func<bool> step, Func<long> now, CancellationToken token, long maxEvents = long.MaxValue, int checkEvery = DefaultCheckEvery)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkEvery, 1);
        long steps = 0;
        while (true)
        {
            if (steps >= maxEvents)
            {
                return new RunEnd(Cancelled: false, OutOfEvents: true, steps, now());
            }

            if (steps % checkEvery == 0 && token.IsCancellationRequested)
            {
                return new RunEnd(Cancelled: true, OutOfEvents: false, steps, now());
            }

            if (!step())
            {
                return new RunEnd(Cancelled: false, OutOfEvents: false, steps, now());
            }

            steps++;
        }
    }
}
