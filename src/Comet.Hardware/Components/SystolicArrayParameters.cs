namespace Comet.Hardware.Components;

/// <summary>A grid of systolic arrays acting as one GEMM engine.</summary>
/// <param name="Name">Hierarchy level name of the engine.</param>
/// <param name="Rows">Rows of one array.</param>
/// <param name="Columns">Columns of one array.</param>
/// <param name="ArraysAlongRows">Arrays stacked along the row direction.</param>
/// <param name="ArraysAlongColumns">Arrays side by side along the column direction.</param>
/// <param name="StartupLatencyCycles">Cycles before the first fold (COMET's systolic model has none: 0).</param>
/// <param name="PicojoulesPerMac">Energy of one MAC, pJ.</param>
public sealed record SystolicArrayParameters(string Name, long Rows, long Columns, long ArraysAlongRows = 1, long ArraysAlongColumns = 1, long StartupLatencyCycles = 0, double PicojoulesPerMac = 0.2296);
