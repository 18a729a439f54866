using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Collectives;

/// <summary>The meshes a collective's data crosses: the participants' own meshes and, when they sit under different parents, the parents' meshes above them.</summary>
/// <remarks>
/// Level 0 is the participants' level; level k+1 is the parent level of level k. The instances of level k under one
/// parent instance q are joined by <c>meshOf(k, q)</c>, the parent attached at its router (0,0) (the same attachment
/// fills and drains use). Data from x to y climbs from x's router to (0,0) of x's mesh, is carried by the parents from
/// x's parent to y's parent (recursively, across the level above), and descends from (0,0) of y's mesh to y's router;
/// between instances under one parent it crosses their mesh directly. Every leg is a send (store-and-forward or cut-through) on an
/// existing <see cref="MeshNoc"/>, so it contends with everything else those links carry.
/// </remarks>
public sealed class CollectiveFabric
{
    private readonly int[] _perParent;
    private readonly Func<int, int, MeshNoc?> _meshOf;
    private static readonly MeshNode Attachment = new(0, 0);

    /// <summary>Creates the fabric of a span of <paramref name="instancesPerParent"/>.Count levels.</summary>
    /// <param name="instancesPerParent">Instances of level k under one parent instance, for k = 0 (the participants' level) upwards.</param>
    /// <param name="meshOf">The mesh joining the level-k instances under parent instance q, or null when they are joined directly.</param>
    public CollectiveFabric(IReadOnlyList<int> instancesPerParent, Func<int, int, MeshNoc?> meshOf)
    {
        _perParent = [.. instancesPerParent.Select(n => Math.Max(1, n))];
        _meshOf = meshOf;
    }

    /// <summary>A fabric of one mesh whose local nodes are the participants (instance i at router i).</summary>
    public static CollectiveFabric OneMesh(MeshNoc? mesh) => new([mesh?.Parameters.Nodes ?? int.MaxValue], (_, _) => mesh);

    /// <summary>The mesh the participant <paramref name="instance"/> is attached to, or null.</summary>
    public MeshNoc? MeshOf(int instance) => _meshOf(0, instance / _perParent[0]);

    /// <summary>Participant <paramref name="instance"/>'s group (its parent at the participants' level) and router on that group's mesh (router (instance mod per-parent, 0) when none joins them).</summary>
    public (int Group, MeshNode Router) Place(int instance)
    {
        var per = _perParent[0];
        var mesh = MeshOf(instance);
        return (instance / per, mesh?.NodeOf(instance % per) ?? new MeshNode(instance % per, 0));
    }

    /// <summary>Links a flow from <paramref name="from"/> to <paramref name="to"/> crosses: across their mesh, or up to its router (0,0), across the levels above and down.</summary>
    public int Hops(int from, int to) => Hops(0, from, to);

    private int Hops(int k, int from, int to)
    {
        var per = _perParent[k];
        int fromParent = from / per, toParent = to / per;
        if (fromParent == toParent)
        {
            return _meshOf(k, fromParent) is { } mesh ? mesh.NodeOf(from % per).HopsTo(mesh.NodeOf(to % per)) : 0;
        }

        var hops = (_meshOf(k, fromParent)?.NodeOf(from % per).HopsTo(Attachment) ?? 0) + (_meshOf(k, toParent)?.NodeOf(to % per).HopsTo(Attachment) ?? 0);
        return k + 1 < _perParent.Length ? hops + Hops(k + 1, fromParent, toParent) : hops;
    }

    /// <summary>Adds to <paramref name="loads"/> the bytes a <see cref="Send"/> of the same arguments puts on every link it crosses (keyed by mesh and link id; a tree's link once, each unicast's links on their own).</summary>
    public void AddLoads(int from, IReadOnlyList<int> to, long bytes, bool multicast, Dictionary<(MeshNoc Mesh, int Link), long> loads)
    {
        if (multicast || to.Count == 1)
        {
            TreeLoads(0, from, to, bytes, loads);
            return;
        }

        foreach (var t in to)
        {
            TreeLoads(0, from, [t], bytes, loads);
        }
    }

    private void TreeLoads(int k, int from, IReadOnlyList<int> to, long bytes, Dictionary<(MeshNoc Mesh, int Link), long> loads)
    {
        var per = _perParent[k];
        var parent = from / per;
        var local = to.Where(t => t / per == parent).ToList();
        var remote = to.Where(t => t / per != parent).GroupBy(t => t / per).ToList();
        if (local.Count > 0 && _meshOf(k, parent) is { } mesh)
        {
            AddTree(mesh, mesh.NodeOf(from % per), [.. local.Select(t => mesh.NodeOf(t % per))], bytes, loads);
        }

        if (remote.Count == 0)
        {
            return;
        }

        if (_meshOf(k, parent) is { } up)
        {
            AddTree(up, up.NodeOf(from % per), [Attachment], bytes, loads);
        }

        if (k + 1 < _perParent.Length)
        {
            TreeLoads(k + 1, parent, [.. remote.Select(g => g.Key)], bytes, loads);
        }

        foreach (var g in remote)
        {
            if (_meshOf(k, g.Key) is { } down)
            {
                AddTree(down, Attachment, [.. g.Select(t => down.NodeOf(t % per))], bytes, loads);
            }
        }
    }

    private static void AddTree(MeshNoc mesh, MeshNode from, IReadOnlyList<MeshNode> to, long bytes, Dictionary<(MeshNoc Mesh, int Link), long> loads)
    {
        foreach (var link in to.SelectMany(t => mesh.Route(from, t)).Distinct())
        {
            loads[(mesh, link)] = loads.GetValueOrDefault((mesh, link)) + bytes;
        }
    }

    /// <summary>A process carrying <paramref name="bytes"/> from instance <paramref name="from"/> to the instances <paramref name="to"/>: one tree when <paramref name="multicast"/>, otherwise one unicast each, all in flight together.</summary>
    public IEnumerable<Event> Send(Simulation sim, ComponentRef who, ActivityLabel label, int from, IReadOnlyList<int> to, long bytes, bool multicast)
    {
        if (multicast || to.Count == 1)
        {
            return Tree(sim, who, label, 0, from, to, bytes);
        }

        return AllOf(sim, to.Select(t => Tree(sim, who, label, 0, from, [t], bytes)));
    }

    /// <summary>One tree from <paramref name="from"/> to <paramref name="to"/> at level <paramref name="k"/>: local destinations over the shared mesh, remote ones up, across the level above, and down.</summary>
    private IEnumerable<Event> Tree(Simulation sim, ComponentRef who, ActivityLabel label, int k, int from, IReadOnlyList<int> to, long bytes)
    {
        // Runs at every send of a collective step: counted and filled by hand rather than with LINQ groupings.
        var per = _perParent[k];
        var parent = from / per;
        var localCount = 0;
        for (var i = 0; i < to.Count; i++)
        {
            if (to[i] / per == parent)
            {
                localCount++;
            }
        }

        IEnumerable<Event>? local = null;
        var mesh = _meshOf(k, parent);
        if (localCount > 0 && mesh is not null)
        {
            var nodes = new MeshNode[localCount];
            for (int i = 0, n = 0; i < to.Count; i++)
            {
                if (to[i] / per == parent)
                {
                    nodes[n++] = mesh.NodeOf(to[i] % per);
                }
            }

            local = mesh.Send(sim, who, label, mesh.NodeOf(from % per), nodes, bytes);
        }

        var remote = localCount < to.Count ? Remote(sim, who, label, k, from, RemoteGroups(to, per, parent), bytes) : null;

        // One part runs in the caller's process; two run side by side.
        return local is null ? remote ?? [] : remote is null ? local : AllOf(sim, [local, remote]);
    }

    /// <summary>The destinations under parents other than <paramref name="parent"/>, grouped by parent in order of first appearance.</summary>
    private static List<(int Parent, List<int> Instances)> RemoteGroups(IReadOnlyList<int> to, int per, int parent)
    {
        var groups = new List<(int Parent, List<int> Instances)>();
        for (var i = 0; i < to.Count; i++)
        {
            var p = to[i] / per;
            if (p == parent)
            {
                continue;
            }

            var g = groups.FindIndex(x => x.Parent == p);
            if (g < 0)
            {
                groups.Add((p, [to[i]]));
            }
            else
            {
                groups[g].Instances.Add(to[i]);
            }
        }

        return groups;
    }

    private IEnumerable<Event> Remote(Simulation sim, ComponentRef who, ActivityLabel label, int k, int from, List<(int Parent, List<int> Instances)> remote, long bytes)
    {
        var per = _perParent[k];
        var up = _meshOf(k, from / per);
        if (up is not null)
        {
            foreach (var e in up.Send(sim, who, label, up.NodeOf(from % per), [Attachment], bytes))
            {
                yield return e;
            }
        }

        // Across: the parents carry the data between them (free when nothing joins them above the span).
        if (k + 1 < _perParent.Length)
        {
            foreach (var e in Tree(sim, who, label, k + 1, from / per, [.. remote.Select(g => g.Parent)], bytes))
            {
                yield return e;
            }
        }

        var down = new List<IEnumerable<Event>>();
        foreach (var g in remote)
        {
            if (_meshOf(k, g.Parent) is { } mesh)
            {
                down.Add(mesh.Send(sim, who, label, Attachment, [.. g.Instances.Select(t => mesh.NodeOf(t % per))], bytes));
            }
        }

        foreach (var e in AllOf(sim, down))
        {
            yield return e;
        }
    }

    private static IEnumerable<Event> AllOf(Simulation sim, IEnumerable<IEnumerable<Event>> parts)
    {
        var list = parts.ToList();
        if (list.Count == 1)
        {
            foreach (var e in list[0])
            {
                yield return e;
            }

            yield break;
        }

        if (list.Count > 1)
        {
            yield return sim.AllOf([.. list.Select(p => (Event)sim.Process(p, "collective flow"))]);
        }
    }
}
