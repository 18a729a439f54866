using Comet.Hardware.Components;

namespace Comet.Hardware.Energy;

/// <summary>Counts bytes (or operations) of one kind of access on one component and prices them.</summary>
public sealed class AccessAccount : IAccessCounter
{
    /// <summary>Creates an account charging <paramref name="picojoulesPerBlock"/> per <paramref name="blockBytes"/> counted.</summary>
    public AccessAccount(string component, string kind, double picojoulesPerBlock, long blockBytes = 1)
    {
        Component = component;
        Kind = kind;
        PicojoulesPerBlock = picojoulesPerBlock;
        BlockBytes = Math.Max(1, blockBytes);
    }

    /// <summary>The component (hierarchy level) charged.</summary>
    public string Component { get; }

    /// <summary>What is counted (e.g. <c>child_read</c>, <c>mac</c>, <c>link</c>).</summary>
    public string Kind { get; }

    /// <summary>Energy of one block, pJ.</summary>
    public double PicojoulesPerBlock { get; }

    /// <summary>Bytes in one priced block (a memory row's width; 1 for operation counts).</summary>
    public long BlockBytes { get; }

    /// <summary>Total units counted (bytes, or operations).</summary>
    public long Units { get; private set; }

    /// <summary>Number of times something was counted.</summary>
    public long Accesses { get; private set; }

    /// <summary>Energy so far: units ÷ block × energy per block, pJ.</summary>
    public double Picojoules => ((double)Units / BlockBytes * PicojoulesPerBlock) + ExtraPicojoules;

    /// <summary>Energy charged directly (for accesses whose price depends on what they do), pJ.</summary>
    public double ExtraPicojoules { get; private set; }

    /// <summary>Charges <paramref name="picojoules"/> directly.</summary>
    public void AddPicojoules(double picojoules) => ExtraPicojoules += picojoules;

    /// <inheritdoc />
    public void Count(long bytes)
    {
        Units += bytes;
        Accesses++;
    }

    /// <inheritdoc />
    public void Count(long bytes, long times)
    {
        Units += bytes * times;
        Accesses += times;
    }
}
