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
        var per = _perParent[k];
        var parent = from / per;
        var mesh = _meshOf(k, parent);
        var locals = 0;
        foreach (var t in to)
        {
            locals += t / per == parent ? 1 : 0;
        }

        // Every destination under the sender's own parent (a collective within one mesh, the usual case): one send.
        if (locals == to.Count)
        {
            return mesh is null ? [] : mesh.Send(sim, who, label, mesh.NodeOf(from % per), LocalNodes(mesh, to, per, locals), bytes);
        }

        var remote = to.Where(t => t / per != parent).GroupBy(t => t / per).ToList();
        var parts = new List<IEnumerable<Event>>();
        if (locals > 0 && mesh is not null)
        {
            parts.Add(mesh.Send(sim, who, label, mesh.NodeOf(from % per), LocalNodes(mesh, to.Where(t => t / per == parent).ToList(), per, locals), bytes));
        }

        parts.Add(Remote(sim, who, label, k, from, remote, bytes));
        return AllOf(sim, parts);
    }

    /// <summary>The routers of the first <paramref name="count"/> instances of <paramref name="to"/> on <paramref name="mesh"/>, in order.</summary>
    private static MeshNode[] LocalNodes(MeshNoc mesh, IReadOnlyList<int> to, int per, int count)
    {
        var nodes = new MeshNode[count];
        for (var i = 0; i < count; i++)
        {
            nodes[i] = mesh.NodeOf(to[i] % per);
        }

        return nodes;
    }

    private IEnumerable<Event> Remote(Simulation sim, ComponentRef who, ActivityLabel label, int k, int from, List<IGrouping<int, int>> remote, long bytes)
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
            foreach (var e in Tree(sim, who, label, k + 1, from / per, [.. remote.Select(g => g.Key)], bytes))
            {
                yield return e;
            }
        }

        var down = new List<IEnumerable<Event>>();
        foreach (var g in remote)
        {
            if (_meshOf(k, g.Key) is { } mesh)
            {
                down.Add(mesh.Send(sim, who, label, Attachment, [.. g.Select(t => mesh.NodeOf(t % per))], bytes));
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
