namespace Comet.Hardware.Energy;

/// <summary>The Orion router and link components' energy per cycle of activity at one channel width, before any cycle or mesh multiplier (pJ).</summary>
/// <param name="ChannelWire">The link's repeated wire.</param>
/// <param name="ChannelClock">The link's clock.</param>
/// <param name="ChannelDff">The link's pipeline latches.</param>
/// <param name="InputRead">Reading W bits from an input buffer (word line + bit lines).</param>
/// <param name="InputWrite">Writing W bits into an input buffer.</param>
/// <param name="Crossbar">The crossbar's W-bit datapath.</param>
/// <param name="CrossbarControl">The crossbar's control lines.</param>
/// <param name="Output">The output latch of W bits.</param>
/// <param name="OutputClock">The output latch's clock.</param>
internal readonly record struct OrionComponents(double ChannelWire, double ChannelClock, double ChannelDff, double InputRead, double InputWrite, double Crossbar, double CrossbarControl, double Output, double OutputClock);
