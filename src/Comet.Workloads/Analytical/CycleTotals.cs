namespace Comet.Workloads.Analytical;

/// <summary>The tool's "Total Cycles" and its per-unit CS/OS/TMW table (<see cref="CycleAccounting"/>).</summary>
/// <param name="Total">Total Cycles.</param>
/// <param name="Units">The table, rows in ordinal key order.</param>
internal sealed record CycleTotals(long Total, IReadOnlyDictionary<string, UnitCycles> Units);
