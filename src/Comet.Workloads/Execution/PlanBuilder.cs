using Comet.Hardware.Components;
using Comet.Hardware.Inputs;
using Comet.Hardware.Machines;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Builds the loop plan of temporal nodes from the mapping (pure: no timing).</summary>
public sealed class PlanBuilder
{
    private readonly CometInputSet _inputs;
    private readonly TileAnalysis _tiles;
    private readonly Machine _machine;
    private readonly Dictionary<int, TemporalPlan> _plans = [];

    /// <summary>Creates a builder for <paramref name="inputs"/>.</summary>
    public PlanBuilder(CometInputSet inputs, TileAnalysis tiles, Machine machine)
    {
        _inputs = inputs;
        _tiles = tiles;
        _machine = machine;
    }

    /// <summary>Whether entry tensor <paramref name="tensor"/> with tag <paramref name="tag"/> is an output (read-write) of that tag.</summary>
    public bool IsOutput(int tensor, string tag) => _inputs.Problem.FindOperation(tag) is not { } op || op.IsReadWrite(tensor);

    /// <summary>The plan of temporal node <paramref name="node"/>.</summary>
    public TemporalPlan Plan(DataMovementTileNode node)
    {
        if (!_plans.TryGetValue(node.Index, out var plan))
        {
            plan = Build(node);
        }

        return plan;
    }

    // Kept apart from Plan so the lambdas' closure (which captures the node) is allocated only when a plan is built,
    // not at every invocation that finds it cached.
    private TemporalPlan Build(DataMovementTileNode node)
    {
        var problem = _inputs.Problem;
        var dims = problem.DimensionNames.Count;
        var order = node.Permutation.Concat(Enumerable.Range(0, dims).Where(d => !node.Permutation.Contains(d))).ToArray();
        var nodeFactor = new long[dims];
        Array.Fill(nodeFactor, 1L);
        foreach (var e in node.Entries)
        {
            foreach (var (d, f) in e.Factors[0])
            {
                nodeFactor[d] = Math.Max(nodeFactor[d], Math.Max(1, f));
            }
        }

        var iterations = (int)order.Aggregate(1L, (a, d) => a * nodeFactor[d]);
        var children = MappingTree.ChildrenOf(node);
        var childTags = children.Select(c => MappingTree.TagsOf(c.Node)).ToList();
        var childProduces = children.Select(c => MappingTree.ProducedBy(problem, c.Node)).ToList();
        var entries = new EntryPlan[node.Entries.Count];
        for (var ei = 0; ei < entries.Length; ei++)
        {
            var entry = node.Entries[ei];
            var proj = _tiles.ProjectedDimensions(entry.TensorId, entry.Tag);
            var ordinal = new int[iterations];
            var coords = new long[dims];
            long previousKey = -1;
            var tiles = 0;
            for (var i = 0; i < iterations; i++)
            {
                long rest = i;
                foreach (var d in order)
                {
                    coords[d] = rest % nodeFactor[d];
                    rest /= nodeFactor[d];
                }

                long key = 0;
                for (var d = 0; d < dims; d++)
                {
                    if (!proj.Contains(d))
                    {
                        continue;
                    }

                    var f = Math.Max(1, entry.Factors[0].GetValueOrDefault(d, 1));
                    key = (key * f) + (coords[d] * f / nodeFactor[d]);
                }

                if (i == 0 || key != previousKey)
                {
                    tiles++;
                }

                ordinal[i] = tiles - 1;
                previousKey = key;
            }

            var consumer = 0;
            for (var c = 0; c < childTags.Count; c++)
            {
                if (childTags[c].Contains(entry.Tag))
                {
                    consumer = c;
                    break;
                }
            }

            var isOutput = IsOutput(entry.TensorId, entry.Tag);
            var gated = false;
            for (var c = 0; c < consumer && !isOutput; c++)
            {
                gated |= childProduces[c].Contains(entry.TensorId);
            }

            // Fan-out through the consuming child when it is a spatial node over the same child level.
            var perInstanceExtents = _tiles.Below(node.Index, ei);
            int[][] groups = [[0]];
            var fanOut = 1;
            if (children.Count > 0 && children[consumer].Node is DataMovementTileNode { IsSpatial: true } spatial)
            {
                (groups, fanOut) = FanOutGroups.Of(dims, spatial, entry, proj);
                var match = MappingTree.FindEntry(spatial, entry);
                if (match >= 0)
                {
                    perInstanceExtents = _tiles.Below(spatial.Index, match);
                }
            }

            var elements = _tiles.ProjectedElements(perInstanceExtents, entry.TensorId, entry.Tag);
            entries[ei] = new EntryPlan
            {
                Index = ei,
                Entry = entry,
                TensorName = problem.TensorNames[entry.TensorId],
                IsOutput = isOutput,
                Gated = gated,
                CollectiveWaitReason = isOutput ? null : CollectiveResultReason(entry.TensorId, node.Index),
                Consumer = consumer,
                Ordinal = ordinal,
                Tiles = tiles,
                BytesPerInstance = TileAnalysis.Bytes(elements, entry.PrecisionBits),
                Groups = groups,
                FanOut = fanOut,
                ToCompute = _machine.IsCompute(entry.ChildLevelId),
                ChildName = _machine.Level(entry.ChildLevelId).Name,
            };
        }

        var op = children.Count == 1 ? children[0].Node as OperationNode : null;
        var plan = op is null
            ? new TemporalPlan { Node = node, Iterations = iterations, Entries = entries, Children = children }
            : LeafPlan(node, iterations, entries, children, op);
        _plans[node.Index] = plan;
        return plan;
    }

    /// <summary>The latest collective before node <paramref name="nodeIndex"/> (pre-order) whose output is <paramref name="tensor"/>, as a stall reason; null when none.</summary>
    private string? CollectiveResultReason(int tensor, int nodeIndex)
    {
        // A tile a collective produces is what an engine idles for when the collective is slow: name the wait after it.
        string? reason = null;
        foreach (var n in _inputs.Mapping.Nodes)
        {
            if (n is CollectiveOperationNode collective && collective.Index < nodeIndex && collective.OutputTensorId == tensor)
            {
                reason = StallRows.CollectiveReason(collective);
            }
        }

        return reason;
    }

    private TemporalPlan LeafPlan(DataMovementTileNode node, int iterations, EntryPlan[] entries, List<(BindingKind, MappingNode)> children, OperationNode op)
    {
        var computeLevel = node.Entries.Select(e => e.ChildLevelId).FirstOrDefault(_machine.IsCompute, node.Entries[0].ChildLevelId);
        var tp = op.TilePrimitive;
        var macs = op.TilePrimitiveVolume;
        long primitives = 1;
        if (_inputs.Problem.FindOperation(op.OperationName) is { } po && op.TileSteps.TryGetValue(_inputs.Problem.TensorId(po.Output), out var steps))
        {
            foreach (var d in tp)
            {
                if (steps.TryGetValue(d.DimensionId, out var s) && d.Value > 0 && s > d.Value)
                {
                    primitives *= s / d.Value;
                }
            }
        }

        var attrs = op.Attributes;
        if (_machine.IsSimd(computeLevel))
        {
            if (op.Kind is OperationKind.None or OperationKind.Gemm or OperationKind.Convolution)
            {
                // the analytical model rejects these too; a SIMD unit never runs them as an add
                throw new InputException("mapping.yaml", op.KeyPath, $"operation {op.Kind} is not supported on VSIMD", op.Line, op.Column);
            }

            long reduction = 1;
            foreach (var d in attrs.ReductionDimensions)
            {
                reduction *= Math.Max(1, attrs.FactorOf(d));
            }

            return new TemporalPlan
            {
                Node = node,
                Iterations = iterations,
                Entries = entries,
                Children = children,
                Operation = op,
                ComputeLevel = computeLevel,
                SimdOperation = ToSimd(op.Kind),
                SimdElements = macs,
                SimdReduction = reduction,
                PrimitivesPerIteration = primitives,
            };
        }

        var primitive = GemmPrimitiveOf(tp, attrs, SystolicDataflowRule.Of(op, _inputs.Problem));
        return new TemporalPlan
        {
            Node = node,
            Iterations = iterations,
            Entries = entries,
            Children = children,
            Operation = op,
            ComputeLevel = computeLevel,
            Primitive = primitive,
            PrimitivesPerIteration = primitives,
        };
    }

    /// <summary>The GEMM engine's view of tile primitive <paramref name="tilePrimitive"/>: streamed length, folded extents, in-place accumulation.</summary>
    public static GemmPrimitive GemmPrimitiveOf(IReadOnlyList<DimensionValue> tilePrimitive, ComputeAttributes attrs, SystolicDataflow dataflow)
    {
        // The systolic array streams the last reduction dimension; of the remaining extents, in the tile primitive's order
        // (COMET's hash-map order, already applied by the mapping loader), the first folds over the rows and the second
        // over the columns, exactly as the closed form reads them (the streamed extent is removed by value, as COMET does).
        var stream = attrs.ReductionDimensions.Count > 0 ? attrs.FactorOf(attrs.ReductionDimensions[^1]) : 0;
        var folded = tilePrimitive.Select(d => d.Value).ToList();
        var at = folded.IndexOf(stream);
        if (at >= 0)
        {
            folded.RemoveAt(at);
        }

        long macs = 1;
        foreach (var d in tilePrimitive)
        {
            macs *= d.Value;
        }

        var accumulation = attrs.Speculative && attrs.ReadModifyWrite && attrs.ReductionDimensions.Count > 0
            ? attrs.FactorOf(attrs.ReductionDimensions[0]) / 256
            : 0;
        return new GemmPrimitive(macs, tilePrimitive.Count, stream, folded.ElementAtOrDefault(0), folded.ElementAtOrDefault(1), accumulation, dataflow);
    }

    /// <summary>The SIMD operation executing <paramref name="kind"/>.</summary>
    public static SimdOperation ToSimd(OperationKind kind) => OperationKinds.Simd(kind);
}
