namespace Comet.Reports.Sweeps;

/// <summary>The columns of an earlier validation.csv row that a calibration reuses instead of simulating again.</summary>
/// <param name="Case">Case name.</param>
/// <param name="SimulatedCycles">Simulated cycles (null when the case was not simulated to the end).</param>
/// <param name="Events">Kernel events.</param>
/// <param name="Status">The row's status.</param>
/// <param name="Family">The row's family (empty in a file without that column).</param>
public sealed record ValidationCsvRow(string Case, long? SimulatedCycles, long? Events, string Status, string Family = "");
