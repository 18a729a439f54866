namespace Comet.Workloads.Execution;

/// <summary>What a leaf invocation may do next, and the per-operand counts those rules read: the one statement of a leaf's behaviour that both its per-tile processes (<see cref="LeafProcesses"/>) and its local schedule (<see cref="LeafStream"/>) follow.</summary>
/// <remarks>
/// An input's mover fetches tile k once fewer than <see cref="Slots"/> of its tiles are unreleased; the compute step of
/// an iteration waits until its input tiles are in and, when it starts a new output tile, that tile has a free slot;
/// when a step is done every tile whose last use it was is released (inputs) or handed to its drainer (outputs); a
/// drainer writes tile k back once it is handed over, and stops when the compute loop has closed and nothing is left.
/// </remarks>
public sealed class LeafRules
{
    private readonly bool[] _isOutput;
    private readonly int[][] _ordinal;
    private readonly int[] _tiles;
    private readonly int[] _filled;
    private readonly int[] _released;
    private readonly int[] _queued;
    private readonly int[] _drained;

    /// <summary>Creates the rules of one invocation: per operand, whether it is a result, its tile ordinal at each iteration and its number of tiles.</summary>
    public LeafRules(int slots, bool[] isOutput, int[][] ordinal, int[] tiles)
    {
        Slots = Math.Max(1, slots);
        _isOutput = isOutput;
        _ordinal = ordinal;
        _tiles = tiles;
        var n = isOutput.Length;
        _filled = new int[n];
        _released = new int[n];
        _queued = new int[n];
        _drained = new int[n];
    }

    /// <summary>Tiles of one operand the engine can hold at once.</summary>
    public int Slots { get; }

    /// <summary>True once the compute loop has run its last iteration.</summary>
    public bool Closing { get; private set; }

    /// <summary>The rules of one invocation of <paramref name="plan"/>.</summary>
    public static LeafRules Of(TemporalPlan plan, int slots) => new(
        slots,
        [.. plan.Entries.Select(e => e.IsOutput)],
        [.. plan.Entries.Select(e => e.Ordinal)],
        [.. plan.Entries.Select(e => e.Tiles)]);

    /// <summary>True when input <paramref name="entry"/> has a tile <paramref name="k"/> to fetch at all.</summary>
    public bool HasTile(int entry, int k) => k < _tiles[entry];

    /// <summary>True when input <paramref name="entry"/> may fetch tile <paramref name="k"/>: fewer than <see cref="Slots"/> of its tiles are unreleased.</summary>
    public bool MayFetch(int entry, int k) => k - _released[entry] < Slots;

    /// <summary>True when output <paramref name="entry"/>'s tile <paramref name="k"/> has been handed to its drainer.</summary>
    public bool IsHandedOver(int entry, int k) => _queued[entry] > k;

    /// <summary>True when the compute step of iteration <paramref name="i"/> must wait for <paramref name="entry"/>: its input tile is not in, or the new output tile it starts has no free slot.</summary>
    public bool Blocks(int entry, int i)
    {
        var k = _ordinal[entry][i];
        return _isOutput[entry]
            ? TileOrdinals.StartsAt(_ordinal[entry], i) && k - _drained[entry] >= Slots
            : _filled[entry] <= k;
    }

    /// <summary>Records that tile <paramref name="k"/> of <paramref name="entry"/> has moved: filled (inputs) or written back (outputs).</summary>
    public void Moved(int entry, int k)
    {
        if (_isOutput[entry])
        {
            _drained[entry] = k + 1;
        }
        else
        {
            _filled[entry] = k + 1;
        }
    }

    /// <summary>Records the compute step of iteration <paramref name="i"/> for <paramref name="entry"/>; true when it was its tile's last use, so the tile is released (inputs) or handed to the drainer (outputs) and that process should be woken.</summary>
    public bool Finish(int entry, int i)
    {
        if (!TileOrdinals.EndsAt(_ordinal[entry], i))
        {
            return false;
        }

        if (_isOutput[entry])
        {
            _queued[entry]++;
        }
        else
        {
            _released[entry]++;
        }

        return true;
    }

    /// <summary>Records that the compute loop is done: drainers stop once nothing is left to write back.</summary>
    public void Close() => Closing = true;
}
