namespace Comet.Hardware.Components;

/// <summary>The port holds one side of a move takes: none, one (no allocation), or several (a request split over DRAM channels).</summary>
public readonly struct PortUses
{
    private readonly PortUse _one;
    private readonly PortUse[]? _many;

    /// <summary>One port hold.</summary>
    public PortUses(PortUse one)
    {
        _one = one;
        Count = 1;
    }

    /// <summary>Several port holds, in the order given.</summary>
    public PortUses(PortUse[] many)
    {
        _many = many;
        Count = many.Length;
    }

    /// <summary>No port hold (a side with no port of its own).</summary>
    public static PortUses None => default;

    /// <summary>Number of port holds.</summary>
    public int Count { get; }

    /// <summary>Port hold <paramref name="index"/>.</summary>
    public PortUse this[int index] => _many is { } many ? many[index] : index == 0 && Count == 1 ? _one : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Copies the holds into <paramref name="into"/> from <paramref name="at"/> and returns the index after the last.</summary>
    public int CopyTo(PortUse[] into, int at)
    {
        for (var i = 0; i < Count; i++)
        {
            into[at + i] = this[i];
        }

        return at + Count;
    }
}
