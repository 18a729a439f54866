namespace Comet.Hardware.Components;

/// <summary>A DRAM: one or more interleaved channels and the energy of its accesses.</summary>
/// <param name="Name">Hierarchy level name (e.g. <c>DRAM</c>).</param>
/// <param name="Channel">Parameters of every channel.</param>
/// <param name="Channels">Number of channels requests are interleaved over.</param>
/// <param name="InterleaveBytes">Bytes mapped to one channel before moving to the next.</param>
/// <param name="WidthBytes">Bytes of one priced access (the spec's <c>width</c>).</param>
/// <param name="ReadEnergyPerAccess">pJ per <paramref name="WidthBytes"/> read.</param>
/// <param name="WriteEnergyPerAccess">pJ per <paramref name="WidthBytes"/> written.</param>
public sealed record DramParameters(
    string Name,
    DramChannelParameters Channel,
    int Channels = 1,
    long InterleaveBytes = 256,
    long WidthBytes = 1,
    double ReadEnergyPerAccess = 0,
    double WriteEnergyPerAccess = 0);
