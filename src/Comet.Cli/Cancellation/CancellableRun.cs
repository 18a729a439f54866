using Comet.Sim;

namespace Comet.Cli.Cancellation;

/// <summary>Runs a simulation to its end or until a token is cancelled, polling the token between events.</summary>
public static class CancellableRun
{
    /// <summary>How many events run between two looks at the token, unless told otherwise.</summary>
    public const int DefaultCheckEvery = 1024;

    /// <summary>Steps <paramref name="simulation"/> until no event is pending or <paramref name="token"/> is cancelled.</summary>
    /// <remarks>
    /// On a natural end it finishes with <see cref="Simulation.Run()"/>, so a deadlock is still reported as
    /// <see cref="DeadlockException"/>. On cancellation the simulation is left as it is, between two events, so trace
    /// sinks hold only whole records and can be flushed.
    /// </remarks>
    public static CancellableRunResult Run(Simulation simulation, CancellationToken token, int checkEvery = DefaultCheckEvery)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var result = Run(simulation.Step, () => simulation.Now, token, checkEvery);
        if (!result.Cancelled)
        {
            simulation.Run();
        }

        return result;
    }

    /// <summary>Runs <paramref name="step"/> until it returns false or <paramref name="token"/> is cancelled; returns the result with the steps taken.</summary>
    public static CancellableRunResult Run(Func<bool> step, Func<long> now, CancellationToken token, int checkEvery = DefaultCheckEvery)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkEvery, 1);
        long steps = 0;
        while (true)
        {
            if (steps % checkEvery == 0 && token.IsCancellationRequested)
            {
                return new CancellableRunResult(Cancelled: true, steps, now());
            }

            if (!step())
            {
                return new CancellableRunResult(Cancelled: false, steps, now());
            }

            steps++;
        }
    }
}
