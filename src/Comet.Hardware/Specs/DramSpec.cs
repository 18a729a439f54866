namespace Comet.Hardware.Specs;

/// <summary>How a DRAM memory type is organised: Comet extension keys of its <c>attributes</c> (the tool models one channel with no access latency).</summary>
/// <param name="Channels">Channels a request is interleaved over (<c>dram_channels</c>), each at the memory's bandwidth.</param>
/// <param name="InterleaveBytes">Bytes mapped to one channel before the next (<c>dram_interleave_bytes</c>).</param>
/// <param name="AccessLatencyCycles">Cycles added to every channel access (<c>dram_access_latency</c>).</param>
public sealed record DramSpec(int Channels = 1, long InterleaveBytes = 256, long AccessLatencyCycles = 0)
{
    /// <summary>Most channels a DRAM may have (each is a port pool of its own).</summary>
    public const int MaxChannels = 1024;

    /// <summary>The tool's DRAM: one channel, 256-byte interleave, no access latency.</summary>
    public static DramSpec Default { get; } = new();
}
