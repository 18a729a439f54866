namespace Comet.Workloads.Analytical;

/// <summary>One row of the tool's "Detailed Cycles Breakdown (Table)": compulsory stall, optional stall, total memory window (null = not printed).</summary>
/// <param name="CompulsoryStall">CS column (× parent iterations).</param>
/// <param name="OptionalStall">OS column (the tool sums it without × parent iterations for memory rows).</param>
/// <param name="MemoryWindow">TMW column (leaf compute time × parent iterations).</param>
public sealed record UnitCycles(long? CompulsoryStall, long? OptionalStall, long? MemoryWindow)
{
    /// <summary>Row total as printed.</summary>
    public long Total => (CompulsoryStall ?? 0) + (OptionalStall ?? 0) + (MemoryWindow ?? 0);
}
