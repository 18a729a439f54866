using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A 2-D mesh with a routing strategy (dimension-ordered X then Y by default), switched store-and-forward or cut-through (<see cref="MeshParameters.Switching"/>).</summary>
/// <remarks>
/// Store-and-forward: one resource per directed link; a transfer is one packet that holds each link of its route for
/// one hop: the router latency plus the serialization the level's channel width and queuing delay define. Hop k of a
/// path ends ⌊k·(h + bits·q/W)⌋ cycles after the path began, so an idle path of H hops takes exactly COMET's
/// H·h + bits·q/W·H. Multicast replicates at routers: every link of the tree is crossed once, a layer after its parent
/// layer, so an idle multicast takes as long as its farthest leaf. Cut-through: see <see cref="CutThroughMesh"/>.
/// </remarks>
public sealed class MeshNoc
{
    private readonly Resource[] _links;
    private readonly string[] _linkNames;
    private readonly AccessAccount _linkBytes;
    private readonly IMeshRouting _routing;
    private readonly CutThroughMesh? _cutThrough;

    /// <summary>Creates the routers' links; instance numbers of the attached nodes start at <paramref name="firstInstance"/>; routes follow <paramref name="routing"/> (XY when null).</summary>
    public MeshNoc(Simulation sim, MeshParameters parameters, EnergyLedger ledger, int meshIndex = 0, int firstInstance = 0, IMeshRouting? routing = null)
    {
        Simulation = sim;
        Parameters = parameters;
        MeshIndex = meshIndex;
        FirstInstance = firstInstance;
        _routing = routing ?? XyRouting.Instance;
        var count = parameters.Nodes * MeshDirection.Count;
        var storeAndForward = parameters.Switching == MeshSwitching.StoreAndForward;
        _links = storeAndForward ? new Resource[count] : [];
        _linkNames = new string[count];
        for (var node = 0; node < parameters.Nodes; node++)
        {
            var from = NodeOf(node);
            for (var d = 0; d < MeshDirection.Count; d++)
            {
                var to = MeshDirection.Step(from, d);
                var id = node * MeshDirection.Count + d;
                var toName = InBounds(to) ? $"{parameters.NodeName}{firstInstance + LocalOf(to)}" : "edge";
                _linkNames[id] = $"link:{parameters.NodeName}{firstInstance + node}->{toName}";
                if (storeAndForward)
                {
                    _links[id] = new Resource(sim, 1, _linkNames[id]);
                }
            }
        }

        _linkBytes = ledger.Open(parameters.Name, "link", parameters.PicojoulesPerByteHop);
        _cutThrough = storeAndForward ? null : new CutThroughMesh(this, _linkBytes);
    }

    /// <summary>The simulation the mesh lives in.</summary>
    public Simulation Simulation { get; }

    /// <summary>The network's parameters.</summary>
    public MeshParameters Parameters { get; }

    /// <summary>Which mesh of its level this is (several parents may each own one).</summary>
    public int MeshIndex { get; }

    /// <summary>Global instance number of the node at router (0,0).</summary>
    public int FirstInstance { get; }

    /// <summary>The routers the parent of the mesh attaches to, one per network port.</summary>
    public IReadOnlyList<MeshNode> Attachments => Parameters.Attachments ?? MeshAttachments.Corner;

    /// <summary>The attachment whose router is nearest <paramref name="node"/> (the first listed on a tie): where the parent's traffic to or from it enters or leaves the mesh.</summary>
    public MeshNode NearestAttachment(MeshNode node) => MeshAttachments.Nearest(Attachments, node);

    /// <summary>Byte-hops carried so far (bytes × links crossed).</summary>
    public long ByteHops => _linkBytes.Units;

    /// <summary>The router position of local node <paramref name="local"/> (row-major, X fastest).</summary>
    public MeshNode NodeOf(int local) => new(local % Parameters.X, local / Parameters.X);

    /// <summary>The local node index of router <paramref name="node"/>.</summary>
    public int LocalOf(MeshNode node) => node.Y * Parameters.X + node.X;

    /// <summary>The name of the link leaving <paramref name="from"/> towards <paramref name="to"/> (a neighbor).</summary>
    public string LinkName(MeshNode from, MeshNode to) => _linkNames[LinkId(from, to)];

    /// <summary>The name of link <paramref name="id"/> (router · 4 + direction).</summary>
    internal string LinkNameOf(int id) => _linkNames[id];

    /// <summary>The directed links of the route from <paramref name="from"/> to <paramref name="to"/> under the mesh's routing strategy.</summary>
    public List<int> Route(MeshNode from, MeshNode to)
    {
        var links = new List<int>(from.HopsTo(to));
        var at = from;
        for (var d = _routing.NextDirection(at, to); d >= 0; d = _routing.NextDirection(at, to))
        {
            links.Add(LocalOf(at) * MeshDirection.Count + d);
            at = MeshDirection.Step(at, d);
        }

        return links;
    }

    /// <summary>A process sending <paramref name="bytes"/> from <paramref name="from"/> to every node in <paramref name="to"/> over one tree (a unicast when there is one destination).</summary>
    /// <remarks>Without broadcast support the caller should send separate unicasts; this method always builds one tree.</remarks>
    public IEnumerable<Event> Send(Simulation sim, ComponentRef requester, ActivityLabel label, MeshNode from, IReadOnlyList<MeshNode> to, long bytes) =>
        Send(sim, requester, label, from, to, bytes, null);

    /// <summary>As <see cref="Send(Simulation, ComponentRef, ActivityLabel, MeshNode, IReadOnlyList{MeshNode}, long)"/>; <paramref name="injected"/> (if any) fires once the data is on its way out of the source router, its value (a <see cref="long"/>) the cycle the source may inject its next transfer.</summary>
    public IEnumerable<Event> Send(Simulation sim, ComponentRef requester, ActivityLabel label, MeshNode from, IReadOnlyList<MeshNode> to, long bytes, Event? injected) =>
        _cutThrough is { } cutThrough
            ? cutThrough.Send(requester, label, from, to, bytes, injected)
            : StoreAndForward(sim, requester, label, from, to, bytes, injected);

    /// <summary>The multicast tree from <paramref name="from"/> to <paramref name="to"/> (cached per source and destination set on meshes of up to 64 nodes).</summary>
    internal MulticastTree Tree(MeshNode from, IReadOnlyList<MeshNode> to)
    {
        if (Parameters.Nodes > 64)
        {
            return MulticastTree.Build(_routing, Parameters.X, from, to, Parameters.LocalTrafficThroughRouter);
        }

        // A unicast (most sends) is found by index, without hashing a key.
        var source = LocalOf(from);
        if (to.Count == 1 && LocalOf(to[0]) is var single && (uint)single < (uint)Parameters.Nodes && (uint)source < (uint)Parameters.Nodes)
        {
            _unicastTrees ??= new MulticastTree?[Parameters.Nodes * Parameters.Nodes];
            return _unicastTrees[source * Parameters.Nodes + single] ??= MulticastTree.Build(_routing, Parameters.X, from, to, Parameters.LocalTrafficThroughRouter);
        }

        // An indexed loop: foreach over the IReadOnlyList interface boxes an enumerator at every send.
        ulong mask = 0;
        for (var i = 0; i < to.Count; i++)
        {
            mask |= 1UL << LocalOf(to[i]);
        }

        var key = (source, mask);
        if (!_trees.TryGetValue(key, out var tree))
        {
            tree = MulticastTree.Build(_routing, Parameters.X, from, to, Parameters.LocalTrafficThroughRouter);
            _trees.Add(key, tree);
        }

        return tree;
    }

    private readonly Dictionary<(int From, ulong To), MulticastTree> _trees = [];
    // The unicast trees, by source · nodes + destination: the trees the set-keyed memo would hold (a tree depends only on the destination set).
    private MulticastTree?[]? _unicastTrees;

    /// <summary>Counts one link crossing of <paramref name="bytes"/> on <paramref name="account"/>, with its router energy when priced.</summary>
    internal void CountHop(AccessAccount account, long bytes)
    {
        account.Count(bytes);
        if (Parameters.RouterEnergy)
        {
            account.AddPicojoules(HopPicojoules(bytes));
        }
    }

    private IEnumerable<Event> StoreAndForward(Simulation sim, ComponentRef requester, ActivityLabel label, MeshNode from, IReadOnlyList<MeshNode> to, long bytes, Event? injected)
    {
        var layers = CachedLayers(from, to);
        if (layers.Length == 0)
        {
            injected?.Succeed(sim.Now);
        }
        var trace = sim.Trace;
        Request?[]? grants = null;
        for (var k = 0; k < layers.Length; k++)
        {
            var layer = layers[k];
            Request? single = null;
            if (layer.Length > 1)
            {
                grants = grants is not null && grants.Length >= layer.Length ? grants : new Request?[layer.Length];
            }

            try
            {
                for (var i = 0; i < layer.Length; i++)
                {
                    var asked = sim.Now;

                    // A free link is granted at once, with no kernel event (nobody could have waited on it).
                    var atOnce = _links[layer[i]].TryRequest(out var grant);
                    if (layer.Length == 1)
                    {
                        single = grant;
                    }
                    else
                    {
                        grants![i] = grant;
                    }

                    if (!atOnce)
                    {
                        yield return grant;
                    }

                    if (sim.Now > asked)
                    {
                        trace?.Write(new TraceRecord(asked, sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, bytes, _linkNames[layer[i]]));
                    }
                }

                // Hop k+1 of the path: the part of ⌊(k+1)·x⌋ not yet spent; after a wait the hop still takes its own share.
                var hold = Parameters.PathCycles(bytes, k + 1) - Parameters.PathCycles(bytes, k);
                var start = sim.Now;
                if (hold > 0)
                {
                    yield return sim.Timeout(hold);
                }

                for (var i = 0; i < layer.Length; i++)
                {
                    CountHop(_linkBytes, bytes);

                    trace?.Write(new TraceRecord(start, sim.Now, Parameters.Name, MeshIndex * Parameters.Nodes * 4 + layer[i], ActivityKind.Transfer, label.Operation, label.Tensor, label.Tile, bytes, ""));
                }

                if (k == 0)
                {
                    injected?.Succeed(sim.Now);
                }
            }
            finally
            {
                single?.Dispose();
                if (layer.Length > 1)
                {
                    for (var i = 0; i < layer.Length; i++)
                    {
                        grants![i]?.Dispose();
                        grants[i] = null;
                    }
                }
            }
        }
    }

    /// <summary>The tree layers of a send, computed once per source and destination set (meshes of up to 64 nodes).</summary>
    private int[][] CachedLayers(MeshNode from, IReadOnlyList<MeshNode> to)
    {
        if (Parameters.Nodes > 64)
        {
            return [.. TreeLayers(from, to).Select(l => l.ToArray())];
        }

        // An indexed loop: foreach over the IReadOnlyList interface boxes an enumerator at every send.
        ulong mask = 0;
        for (var i = 0; i < to.Count; i++)
        {
            mask |= 1UL << LocalOf(to[i]);
        }

        var key = (LocalOf(from), mask);
        if (!_layers.TryGetValue(key, out var layers))
        {
            layers = [.. TreeLayers(from, to).Select(l => l.ToArray())];
            _layers.Add(key, layers);
        }

        return layers;
    }

    private readonly Dictionary<(int From, ulong To), int[][]> _layers = [];

    private readonly Dictionary<long, double> _hopEnergy = [];

    /// <summary>Router and link energy of one hop carrying <paramref name="bytes"/>: ⌈bits ÷ W⌉ flits, each priced with the Orion models of one router and one link at this mesh's channel width and queuing delay, pJ.</summary>
    public double HopPicojoules(long bytes)
    {
        if (!_hopEnergy.TryGetValue(bytes, out var pj))
        {
            pj = OrionRouterEnergy.HopEnergy(Parameters.ChannelWidthBits, Parameters.QueuingDelay, bytes * 8.0);
            _hopEnergy.Add(bytes, pj);
        }

        return pj;
    }

    /// <summary>The links of the multicast tree from <paramref name="from"/> to <paramref name="to"/>, grouped by hop depth.</summary>
    public List<List<int>> TreeLayers(MeshNode from, IReadOnlyList<MeshNode> to)
    {
        var layers = new List<List<int>>();
        var seen = new HashSet<int>();
        foreach (var dest in to)
        {
            var route = Route(from, dest);
            for (var k = 0; k < route.Count; k++)
            {
                while (layers.Count <= k)
                {
                    layers.Add([]);
                }

                if (seen.Add(route[k]))
                {
                    layers[k].Add(route[k]);
                }
            }
        }

        foreach (var layer in layers)
        {
            layer.Sort();
        }

        return layers;
    }

    private int LinkId(MeshNode from, MeshNode to) => LocalOf(from) * MeshDirection.Count + MeshDirection.Between(from, to);

    private bool InBounds(MeshNode n) => n.X >= 0 && n.Y >= 0 && n.X < Parameters.X && n.Y < Parameters.Y;
}
