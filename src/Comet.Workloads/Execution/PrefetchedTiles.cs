using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Prefetch of a temporal node's next invocation (<see cref="PrefetchMode.NextInvocation"/>): which parent tile each child buffer holds now and next, and the first tiles fetched ahead for the next invocation of the node that reads them.</summary>
/// <remarks>
/// The consumer of a temporal node announces, before it runs a child, the parent tiles the child's buffers hold now
/// and the ones its next iteration brings (with the event of their arrival). A node whose mover has taken space for its
/// last tile step then fills its next invocation's first tiles from those announced parent tiles, once they are in and
/// where the space is free at that moment (never waiting for space, so a prefetch never queues ahead of a demand
/// request). A fetched tile is taken by the next invocation when that invocation reads the same parent tile; a space
/// request that does not fit gives back every fetched tile of its buffer first (as kept tiles, <see cref="ResidentTiles"/>).
/// </remarks>
internal sealed class PrefetchedTiles(Mapping mapping, bool enabled)
{
    private readonly Dictionary<(int Tensor, string Tag, int Level, int Instance), ParentTile> _parents = new(TaggedTileKeyComparer.Instance);
    private readonly Dictionary<(int Node, int Entry, int Group, int Instance), TileFetch> _fetches = [];
    private readonly Dictionary<Container, List<TileFetch>> _byRoom = [];
    private readonly Dictionary<int, int> _fillers = [];

    /// <summary>True when movers prefetch their next invocation's first tiles.</summary>
    public bool Enabled => enabled;

    /// <summary>Prefetches planned (issued or not).</summary>
    public long Planned { get; private set; }

    /// <summary>Tile groups a next invocation took from a prefetch instead of filling them itself.</summary>
    public long Served { get; private set; }

    /// <summary>Notes, for instance <paramref name="instance"/> of child level <paramref name="level"/>, the parent tile of tensor <paramref name="tensor"/> (tag <paramref name="tag"/>) in use now and the one node <paramref name="announcer"/>'s next iteration brings (null at its last).</summary>
    public void Announce(int announcer, int tensor, string tag, int level, int instance, TileVersion now, TileVersion? next, Event? arrived)
    {
        if (enabled)
        {
            _parents[(tensor, tag, level, instance)] = new ParentTile(announcer, now, next, arrived);
        }
    }

    /// <summary>The parent tile of that buffer in use now, or null when none was announced.</summary>
    public TileVersion? Now(int tensor, string tag, int level, int instance) =>
        enabled && _parents.TryGetValue((tensor, tag, level, instance), out var p) ? p.Now : null;

    /// <summary>The parent tile the next invocation of <paramref name="node"/> reads from that buffer and the event of its arrival, when the node that fills the buffer (<paramref name="node"/>'s nearest temporal ancestor) announced one.</summary>
    public bool TryNext(MappingNode node, int tensor, string tag, int level, int instance, out TileVersion next, out Event arrived)
    {
        if (enabled && _parents.TryGetValue((tensor, tag, level, instance), out var p) && p.Next is { } n && p.Arrived is { } a && p.Announcer == FillerOf(node))
        {
            (next, arrived) = (n, a);
            return true;
        }

        (next, arrived) = (default, null!);
        return false;
    }

    /// <summary>Registers a planned prefetch of tile group <paramref name="group"/> of entry <paramref name="entry"/> of node <paramref name="node"/> (first destination <paramref name="instance"/>) from parent tile <paramref name="version"/>, for <paramref name="shares"/> takers; it holds no space until <see cref="Issue"/>.</summary>
    public TileFetch Plan(int node, int entry, int group, int instance, TileVersion version, int shares = 1)
    {
        var key = (node, entry, group, instance);
        if (_fetches.Remove(key, out var old))
        {
            Discard(old);
        }

        var fetch = new TileFetch(key, version, shares);
        Planned++;
        _fetches[key] = fetch;
        return fetch;
    }

    /// <summary>Records that <paramref name="fetch"/> took <paramref name="bytes"/> in each of <paramref name="rooms"/> and moves its tile until <paramref name="done"/>.</summary>
    public void Issue(TileFetch fetch, Container[] rooms, long bytes, Event done)
    {
        fetch.Rooms = rooms;
        fetch.Bytes = bytes;
        fetch.Done = done;
        foreach (var room in rooms)
        {
            if (!_byRoom.TryGetValue(room, out var list))
            {
                list = [];
                _byRoom[room] = list;
            }

            list.Add(fetch);
        }
    }

    /// <summary>Forgets a planned prefetch that was not issued.</summary>
    public void Drop(TileFetch fetch)
    {
        if (fetch.Done is null && _fetches.TryGetValue(fetch.Key, out var f) && ReferenceEquals(f, fetch))
        {
            _fetches.Remove(fetch.Key);
        }
    }

    /// <summary>The event of the prefetched tile of that group when it was issued from parent tile <paramref name="now"/> (its space is then the caller's); null otherwise (a planned one is cancelled, one of another parent tile given back).</summary>
    public Event? TryTake(int node, int entry, int group, int instance, TileVersion? now)
    {
        var key = (node, entry, group, instance);
        if (!enabled || !_fetches.TryGetValue(key, out var fetch))
        {
            return null;
        }

        if (fetch.Done is not { } done)
        {
            _fetches.Remove(key);
            fetch.Cancelled = true;
            return null;
        }

        if (!fetch.Taken)
        {
            Unlist(fetch);
            if (now is not { } v || fetch.Version != v)
            {
                _fetches.Remove(key);
                Discard(fetch);
                return null;
            }

            fetch.Taken = true;
            Served++;
        }

        if (--fetch.Shares == 0)
        {
            _fetches.Remove(key);
        }

        return done;
    }

    /// <summary>Gives back every fetched tile in <paramref name="room"/> (at once, or when its move ends) when a request for <paramref name="bytes"/> does not fit now.</summary>
    public void MakeRoom(Container room, long bytes)
    {
        if ((room.Level >= bytes && room.GetQueueLength == 0) || !_byRoom.TryGetValue(room, out var list) || list.Count == 0)
        {
            return;
        }

        foreach (var fetch in list.ToArray())
        {
            _fetches.Remove(fetch.Key);
            Unlist(fetch);
            Discard(fetch);
        }
    }

    private void Unlist(TileFetch fetch)
    {
        foreach (var room in fetch.Rooms)
        {
            _byRoom[room].Remove(fetch);
        }
    }

    private static void Discard(TileFetch fetch)
    {
        fetch.Cancelled = true;
        if (fetch.Done is not { } done)
        {
            return;
        }

        if (done.IsProcessed)
        {
            Free(fetch);
        }
        else
        {
            done.AddCallback(_ => Free(fetch));
        }
    }

    private static void Free(TileFetch fetch)
    {
        foreach (var room in fetch.Rooms)
        {
            TileSpace.Free(room, fetch.Bytes);
        }
    }

    // The nearest temporal ancestor: the node whose consumer announces the parent tiles a node reads.
    private int FillerOf(MappingNode node)
    {
        if (!_fillers.TryGetValue(node.Index, out var filler))
        {
            filler = -1;
            for (var p = mapping.Parent(node); p is not null; p = mapping.Parent(p))
            {
                if (p is DataMovementTileNode { IsSpatial: false })
                {
                    filler = p.Index;
                    break;
                }
            }

            _fillers[node.Index] = filler;
        }

        return filler;
    }
}
