using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>One planned or issued prefetch of a tile group for a node's next invocation (<see cref="PrefetchedTiles"/>).</summary>
/// <param name="key">(node, entry, group, first destination).</param>
/// <param name="version">The parent tile it is fetched from.</param>
/// <param name="shares">How many takers it serves (the lanes of a multicast group each take it once; 1 otherwise).</param>
internal sealed class TileFetch((int Node, int Entry, int Group, int Instance) key, TileVersion version, int shares)
{
    /// <summary>(node, entry, group, first destination).</summary>
    public (int Node, int Entry, int Group, int Instance) Key { get; } = key;

    /// <summary>The parent tile it is fetched from.</summary>
    public TileVersion Version { get; } = version;

    /// <summary>Takers still to come.</summary>
    public int Shares { get; set; } = shares;

    /// <summary>True once a taker has it (its space is then no longer given back to make room).</summary>
    public bool Taken { get; set; }

    /// <summary>The buffers whose space it holds once issued.</summary>
    public Container[] Rooms { get; set; } = [];

    /// <summary>Bytes it holds in each room.</summary>
    public long Bytes { get; set; }

    /// <summary>The move's end, once issued.</summary>
    public Event? Done { get; set; }

    /// <summary>True once the next invocation began without it or its space was given back.</summary>
    public bool Cancelled { get; set; }
}
