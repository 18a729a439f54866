namespace Comet.Workloads.Analytical;

/// <summary>
/// Cost vectors of one tensor entry (or a merged level) on one memory port: per-step windows, stalls and move times
/// (the tool's TargetChildCost). Mutable working state of the cost walk.
/// </summary>
public sealed class PortCost
{
    /// <summary>Creates a cost with vectors of <paramref name="steps"/> zeros.</summary>
    public PortCost(long steps = 0)
        : this(steps, moves: true, windows: true)
    {
    }

    /// <summary>Creates a cost with only the vectors a merged cost needs (stalls always; move cycles and windows on request).</summary>
    public PortCost(long steps, bool moves, bool windows, bool compulsory = true)
    {
        var zeros = StepRuns.Constant(0, steps);
        MoveCycles = moves ? zeros : StepRuns.Empty;
        Stall = zeros;
        CompulsoryStall = compulsory ? zeros : StepRuns.Empty;
        Window = windows ? zeros : StepRuns.Empty;
    }

    /// <summary>Total window (time available to hide transfers).</summary>
    public long ComputeTime { get; set; }

    /// <summary>Transfer cycles per pseudo-step.</summary>
    public StepRuns MoveCycles { get; set; }

    /// <summary>Cycles not hidden by the window per step.</summary>
    public StepRuns Stall { get; set; }

    /// <summary>Stall that can never be hidden per step.</summary>
    public StepRuns CompulsoryStall { get; set; }

    /// <summary>Window per unique tile.</summary>
    public StepRuns Window { get; set; }

    /// <summary>Reuse factor of the entry (steps per unique tile).</summary>
    public long ReuseFactor { get; set; }

    /// <summary>Index of the entry in its node.</summary>
    public int EntryIndex { get; set; }

    /// <summary>Whether the transfer latency may hide under the window.</summary>
    public bool HideLatency { get; set; } = true;

    /// <summary>Sum of transfer cycles over the steps (excluding ramps).</summary>
    public long Cumulative { get; set; }

    /// <summary>Sum of stalls.</summary>
    public long CumulativeStall { get; set; }

    /// <summary>Cycles of the first fill (not overlapped).</summary>
    public long RampUp { get; set; }

    /// <summary>Cycles of the last drain (not overlapped).</summary>
    public long RampDown { get; set; }

    /// <summary>Transfers counted for energy.</summary>
    public long AccessCount { get; set; } = 1;

    /// <summary>Elements of one tile.</summary>
    public long TileSize { get; set; } = 1;

    /// <summary>NoC energy summed over the transfers.</summary>
    public double NocEnergy { get; set; }

    /// <summary>Whether the port carries anything (the tool tests a non-empty stall vector).</summary>
    public bool HasData => Stall.Length > 0;

    /// <summary>A pair of empty port costs (read, write).</summary>
    public static PortCost[] EmptyPair() => [new PortCost(), new PortCost()];
}
