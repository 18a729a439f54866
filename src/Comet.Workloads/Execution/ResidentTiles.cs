using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>Tiles left in a buffer at the end of an invocation for the next invocation that needs the same tile (cross-invocation reuse, scratchpad semantics): which tile of its parent each buffer's consumer is using, and which tiles are kept.</summary>
/// <remarks>
/// A tile is kept when its entry moves one tile per invocation (the mapping's consecutive-reuse rule then keeps it for
/// the whole invocation) and the next invocation on the same instances reads it from the same parent tile: the parent
/// tile is identified by the invocation and ordinal that moved it (<see cref="TileVersion"/>), noted when the parent's
/// consumer starts the child. A kept tile holds its space until it is used again or a space request in its buffer
/// does not fit (then every kept tile there is given back). Nothing else is kept: no cache beyond what the dataflow says.
/// </remarks>
internal sealed class ResidentTiles(bool enabled, IReadOnlySet<int> written)
{
    private readonly Dictionary<(int Tensor, string Tag, int Level, int Instance), TileVersion> _current = new(TaggedTileKeyComparer.Instance);
    private readonly Dictionary<(int Node, int Entry, int Group, int Instance), Kept> _kept = [];
    private readonly Dictionary<Container, List<(int Node, int Entry, int Group, int Instance)>> _byRoom = [];

    /// <summary>True while tiles may be kept (off with <see cref="TileReuse.None"/>, or once a fan-out folds logical instances onto one buffer, where a buffer holds several parents' tiles at once).</summary>
    public bool Enabled { get; private set; } = enabled;

    /// <summary>Tiles kept at an invocation's end for the next one.</summary>
    public long KeptTiles { get; private set; }

    /// <summary>Tiles served from a kept copy instead of a move.</summary>
    public long Reused { get; private set; }

    /// <summary>True when tiles of <paramref name="e"/> may be kept and reused: an input moved into a buffer once per invocation, of a tensor nothing in the mapping writes (a written tensor's parent tile can change under the same version) and not produced by a sibling in the same iteration.</summary>
    public bool Applies(EntryPlan e) => Enabled && !e.IsOutput && !e.ToCompute && !e.Gated && e.Tiles == 1 && !written.Contains(e.Entry.TensorId);

    /// <summary>Stops keeping tiles (kept ones stay until their space is needed).</summary>
    public void Disable() => Enabled = false;

    /// <summary>Notes that the consumer of instance <paramref name="instance"/> of <paramref name="level"/> now uses <paramref name="version"/> of tensor <paramref name="tensor"/> (tag <paramref name="tag"/>).</summary>
    public void Use(int tensor, string tag, int level, int instance, TileVersion version)
    {
        if (Enabled)
        {
            _current[(tensor, tag, level, instance)] = version;
        }
    }

    /// <summary>The tile of tensor <paramref name="tensor"/> (tag <paramref name="tag"/>) the consumer of that buffer uses now, or null.</summary>
    public TileVersion? Current(int tensor, string tag, int level, int instance) =>
        Enabled && _current.TryGetValue((tensor, tag, level, instance), out var v) ? v : null;

    /// <summary>Takes back the kept tile of (<paramref name="node"/>, <paramref name="entry"/>, <paramref name="group"/>) at <paramref name="instance"/> when it is <paramref name="version"/> (true: its space is the caller's again); a kept tile of another version is given back.</summary>
    public bool TryTake(int node, int entry, int group, int instance, TileVersion? version)
    {
        var key = (node, entry, group, instance);
        if (!_kept.Remove(key, out var kept))
        {
            return false;
        }

        _byRoom[kept.Room].Remove(key);
        if (version is { } v && kept.Version == v)
        {
            Reused++;
            return true;
        }

        TileSpace.Free(kept.Room, kept.Bytes);
        return false;
    }

    /// <summary>Keeps a tile of <paramref name="bytes"/> in <paramref name="room"/> for the next invocation; false (the caller gives the space back) when keeping is off, the version unknown or a request already waits for that space.</summary>
    public bool Keep(int node, int entry, int group, int instance, TileVersion? version, Container room, long bytes)
    {
        if (!Enabled || version is not { } v || room.GetQueueLength > 0)
        {
            return false;
        }

        var key = (node, entry, group, instance);
        if (_kept.Remove(key, out var old))
        {
            _byRoom[old.Room].Remove(key);
            TileSpace.Free(old.Room, old.Bytes);
        }

        _kept[key] = new Kept(v, room, bytes);
        KeptTiles++;
        if (!_byRoom.TryGetValue(room, out var list))
        {
            list = [];
            _byRoom[room] = list;
        }

        list.Add(key);
        return true;
    }

    /// <summary>Gives back every kept tile in <paramref name="room"/> when a request for <paramref name="bytes"/> does not fit now.</summary>
    public void MakeRoom(Container room, long bytes)
    {
        if ((room.Level >= bytes && room.GetQueueLength == 0) || !_byRoom.TryGetValue(room, out var keys) || keys.Count == 0)
        {
            return;
        }

        foreach (var key in keys)
        {
            var kept = _kept[key];
            _kept.Remove(key);
            TileSpace.Free(kept.Room, kept.Bytes);
        }

        keys.Clear();
    }

    private readonly record struct Kept(TileVersion Version, Container Room, long Bytes);
}
