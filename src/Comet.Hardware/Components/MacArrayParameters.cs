namespace Comet.Hardware.Components;

/// <summary>A MAC-array GEMM engine (COMET's <c>GEMM</c> class): a wave of MACs per op latency, plus start-up.</summary>
/// <param name="Name">Hierarchy level name of the engine.</param>
/// <param name="MacsPerWave">MACs issued together in one wave (COMET's GEMM model uses 512).</param>
/// <param name="OpLatencyCycles">Cycles of one wave (the spec's <c>computeLatency</c>).</param>
/// <param name="StartupLatencyCycles">Cycles before the first wave of every primitive.</param>
/// <param name="PicojoulesPerPrimitive">Energy of one primitive (the spec's <c>compute_energy</c>).</param>
public sealed record MacArrayParameters(string Name, long MacsPerWave, long OpLatencyCycles, long StartupLatencyCycles, double PicojoulesPerPrimitive = 0);
