using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>What a mapping moves: the tile extents of every DataMovement entry, from the (tensor, tag) stride chains.</summary>
/// <remarks>
/// A pure "what moves" pass (no timing): operations seed the chain of each of their tensors with their TileSteps; every
/// DataMovement node, visited after its children, records the extents below it and multiplies its own factors in.
/// </remarks>
public sealed class TileAnalysis
{
    private readonly Dictionary<(int Node, int Entry), long[]> _below = [];
    private readonly Dictionary<(int Node, int Entry), long[]> _ends = [];
    private readonly Dictionary<int, long[]> _collectiveIn = [];
    private readonly Problem _problem;

    /// <summary>Analyses <paramref name="mapping"/> for <paramref name="problem"/>.</summary>
    public TileAnalysis(Problem problem, Mapping mapping)
    {
        _problem = problem;
        var dims = problem.DimensionNames.Count;
        var chains = new Dictionary<(int Tensor, string Tag), long[]>();
        var outMap = new Dictionary<(int Level, int Tensor), long[]>();
        var outputs = new HashSet<int>(problem.Operations.Select(o => problem.TensorId(o.Output)));
        Visit(mapping.Root);

        void Visit(MappingNode node)
        {
            foreach (var child in node.Children)
            {
                Visit(child);
            }

            switch (node)
            {
                case OperationNode op:
                    foreach (var (tensor, steps) in op.TileSteps)
                    {
                        var chain = Ones(dims);
                        foreach (var (d, v) in steps)
                        {
                            chain[d] = Math.Max(1, v);
                        }

                        chains[(tensor, op.OperationName)] = chain;
                    }

                    break;
                case DataMovementTileNode dm:
                    for (var e = 0; e < dm.Entries.Count; e++)
                    {
                        var entry = dm.Entries[e];
                        var key = (entry.TensorId, entry.Tag);
                        if (!chains.TryGetValue(key, out var chain))
                        {
                            chain = Ones(dims);
                            chains[key] = chain;
                        }

                        _below[(dm.Index, e)] = (long[])chain.Clone();
                        foreach (var line in entry.Factors)
                        {
                            foreach (var (d, f) in line)
                            {
                                chain[d] *= Math.Max(1, f);
                            }
                        }

                        var ends = (long[])chain.Clone();
                        _ends[(dm.Index, e)] = ends;
                        if (outputs.Contains(entry.TensorId))
                        {
                            outMap[(entry.TargetLevelId, entry.TensorId)] = ends;
                        }
                    }

                    break;
                case CollectiveOperationNode col:
                    if (outMap.TryGetValue((col.TargetLevelId, col.InputTensorId), out var size))
                    {
                        _collectiveIn[col.Index] = (long[])size.Clone();
                    }

                    break;
            }
        }
    }

    /// <summary>Extents (per dimension) of the tile of entry <paramref name="entry"/> of node <paramref name="node"/> before the node's own factors: what one move carries.</summary>
    public long[] Below(int node, int entry) => _below[(node, entry)];

    /// <summary>Extents after the node's factors: the whole tile the node walks over.</summary>
    public long[] Ends(int node, int entry) => _ends[(node, entry)];

    /// <summary>Extents of a collective's input tile at its level, or null when no node recorded it.</summary>
    public long[]? CollectiveInput(int node) => _collectiveIn.GetValueOrDefault(node);

    /// <summary>Elements of the tile with <paramref name="extents"/> projected on tensor <paramref name="tensor"/> as operation <paramref name="tag"/> sees it.</summary>
    public long ProjectedElements(long[] extents, int tensor, string tag)
    {
        var projection = _problem.ProjectionFor(tensor, tag);
        if (projection is null)
        {
            return extents.Aggregate(1L, (a, b) => a * b);
        }

        // Indexed loops: foreach over the IReadOnlyList interfaces boxes an enumerator per rank, at every tile move.
        long elements = 1;
        var ranks = projection.Ranks;
        for (var r = 0; r < ranks.Count; r++)
        {
            var rank = ranks[r];
            long extent = 0;
            for (var k = 0; k < rank.Count; k++)
            {
                extent += extents[rank[k]];
            }

            // A rank indexed by a sum of dimensions spans their extents minus the overlap (convolution windows).
            elements *= Math.Max(1, extent - (rank.Count - 1));
        }

        return elements;
    }

    /// <summary>The dimensions indexing tensor <paramref name="tensor"/> as operation <paramref name="tag"/> sees it.</summary>
    public HashSet<int> ProjectedDimensions(int tensor, string tag)
    {
        var projection = _problem.ProjectionFor(tensor, tag);
        return projection is null
            ? Enumerable.Range(0, _problem.DimensionNames.Count).ToHashSet()
            : projection.Ranks.SelectMany(r => r).ToHashSet();
    }

    /// <summary>Bytes of <paramref name="elements"/> elements of <paramref name="precisionBits"/> bits.</summary>
    public static long Bytes(long elements, int precisionBits) => ((elements * Math.Max(1, precisionBits)) + 7) / 8;

    private static long[] Ones(int n)
    {
        var a = new long[n];
        Array.Fill(a, 1L);
        return a;
    }
}
