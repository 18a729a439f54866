using System.Runtime.CompilerServices;

namespace Comet.Sim;

/// <summary>An event that fires a fixed number of cycles after it was created; pooled, so do not keep it after it fired.</summary>
public sealed class Timeout : Event
{
    internal Timeout(Simulation simulation, Process? owner = null)
        : base(simulation)
    {
        Owner = owner;
        Pooled = true;
        RecycleBeforeResume = true;
    }

    /// <summary>Cycles between creation and firing.</summary>
    public long Delay { get; private set; }

    /// <summary>Cycle at which the timeout fires.</summary>
    public long FireTime { get; private set; }

    /// <summary>The process this timeout belongs to (it returns there once fired), or null for a pooled one.</summary>
    internal Process? Owner { get; private set; }

    /// <summary>Makes a timeout from the pool <paramref name="owner"/>'s own.</summary>
    internal Timeout Adopt(Process owner)
    {
        Owner = owner;
        return this;
    }

    /// <summary>Makes an ended process's own timeout a pooled one.</summary>
    internal Timeout Disown()
    {
        Owner = null;
        return this;
    }

    /// <inheritdoc />
    public override string Name => "timeout";

    /// <inheritdoc />
    public override string Describe() => $"Timeout({Delay}) until cycle {FireTime}";

    /// <summary>Prepares a fresh or recycled timeout; the caller schedules it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Arm(long delay, long fireTime)
    {
        ResetForReuse();
        Delay = delay;
        FireTime = fireTime;
        MarkTriggered();
    }

    /// <inheritdoc />
    internal override void Recycle()
    {
        if (Owner is null)
            Simulation.ReturnTimeout(this);
        else
            Owner.ReturnOwnTimeout();
    }
}
