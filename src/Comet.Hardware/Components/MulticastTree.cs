namespace Comet.Hardware.Components;

/// <summary>The routers a packet visits from one source to a set of destinations: the union of the unicast routes, forking where they part, each link in it once.</summary>
public sealed class MulticastTree
{
    /// <summary>Output index of a router's local (ejection) port; outputs 0–3 are the links, by <see cref="MeshDirection"/>.</summary>
    public const int Eject = MeshDirection.Count;

    /// <summary>Outputs per router: four links and the ejection port.</summary>
    public const int OutputsPerRouter = MeshDirection.Count + 1;

    private readonly int[] _router;
    private readonly int[] _outputs;
    private readonly int[] _child;

    private MulticastTree(int[] router, int[] outputs, int[] child, int destinations, int links)
    {
        _router = router;
        _outputs = outputs;
        _child = child;
        Destinations = destinations;
        Links = links;
    }

    /// <summary>Routers that eject a copy (the source itself only when its own traffic goes through its router).</summary>
    public int Destinations { get; }

    /// <summary>Links of the tree, each crossed once by every packet.</summary>
    public int Links { get; }

    /// <summary>Routers in the tree; node 0 is the source.</summary>
    public int Count => _router.Length;

    /// <summary>The local router index of tree node <paramref name="node"/>.</summary>
    public int RouterOf(int node) => _router[node];

    /// <summary>The outputs a packet at tree node <paramref name="node"/> leaves by: bit d for link d, bit <see cref="Eject"/> for the ejection port.</summary>
    public int OutputsOf(int node) => _outputs[node];

    /// <summary>The tree node a packet reaches by leaving <paramref name="node"/> on link <paramref name="direction"/>.</summary>
    public int ChildOf(int node, int direction) => _child[node * MeshDirection.Count + direction];

    /// <summary>Builds the tree from <paramref name="from"/> to <paramref name="to"/> on a mesh of <paramref name="x"/> columns, following <paramref name="routing"/>; the source ejects its own copy only when <paramref name="selfThroughRouter"/>.</summary>
    /// <exception cref="InvalidOperationException">The strategy's routes from one source reach a router by two different links (not a tree).</exception>
    public static MulticastTree Build(IMeshRouting routing, int x, MeshNode from, IReadOnlyList<MeshNode> to, bool selfThroughRouter = false)
    {
        var routers = new List<int> { Local(from) };
        var outputs = new List<int> { 0 };
        var children = new List<int> { -1, -1, -1, -1 };
        var nodeAt = new Dictionary<int, int> { [Local(from)] = 0 };
        var destinations = 0;
        var links = 0;
        foreach (var dest in to)
        {
            var at = from;
            var node = 0;
            for (var d = routing.NextDirection(at, dest); d >= 0; d = routing.NextDirection(at, dest))
            {
                at = MeshDirection.Step(at, d);
                var existing = children[node * MeshDirection.Count + d];
                if (existing < 0)
                {
                    if (!nodeAt.TryAdd(Local(at), routers.Count))
                    {
                        throw new InvalidOperationException($"routing reaches router ({at.X},{at.Y}) by two links from ({from.X},{from.Y}): its routes do not form a multicast tree");
                    }

                    existing = routers.Count;
                    routers.Add(Local(at));
                    outputs.Add(0);
                    children.AddRange([-1, -1, -1, -1]);
                    children[node * MeshDirection.Count + d] = existing;
                    outputs[node] |= 1 << d;
                    links++;
                }

                node = existing;
            }

            // Every destination ejects once; the source's own copy only when it goes through the router.
            if ((node != 0 || selfThroughRouter) && (outputs[node] & (1 << Eject)) == 0)
            {
                outputs[node] |= 1 << Eject;
                destinations++;
            }
        }

        return new MulticastTree([.. routers], [.. outputs], [.. children], destinations, links);

        int Local(MeshNode n) => n.Y * x + n.X;
    }
}
