namespace Comet.Workloads.Execution;

/// <summary>How the instances of a fan-out step through their parent's loop.</summary>
public enum InstanceSync
{
    /// <summary>Each instance starts a tile step when its own operands and space are ready; instances meet only at collectives, barrier children and shared tiles.</summary>
    Free,

    /// <summary>The parent waits for each tile at every destination and for every instance before its next iteration (the behaviour before issue 12; COMET's picture).</summary>
    Lockstep,
}
