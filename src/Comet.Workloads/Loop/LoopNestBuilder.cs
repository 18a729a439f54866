using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Collectives;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Loop;

/// <summary>The first pass of the loop-nest analysis, post-order as the tool does it: the strides and iteration counts of every tensor entry, and the tiles every collective reads and writes.</summary>
internal sealed class LoopNestBuilder(ArchitectureSpec arch, Problem problem, Mapping mapping)
{
    private readonly Dictionary<(int, string), Dictionary<int, long>> stride = new();
    private readonly Dictionary<(int, string), long> step = new();
    private readonly Dictionary<int, Dictionary<int, List<Dictionary<int, long>>>> outputs = new();
    private readonly LoopDraft[]?[] drafts = new LoopDraft[mapping.Nodes.Count][];
    private readonly CollectiveTransfer?[] collectives = new CollectiveTransfer?[mapping.Nodes.Count];

    /// <summary>Per node, its entries as drafted so far (null for nodes that are not data-movement tiles).</summary>
    public LoopDraft[]?[] Drafts => drafts;

    /// <summary>Per node, the collective's transfer (null for other nodes).</summary>
    public CollectiveTransfer?[] Collectives => collectives;

    private Dictionary<int, long> StrideOf(int tensor, string tag)
    {
        if (!stride.TryGetValue((tensor, tag), out var map))
        {
            map = new Dictionary<int, long>();
            stride[(tensor, tag)] = map;
        }

        return map;
    }

    /// <summary>Walks <paramref name="node"/>'s subtree post-order, giving every entry its strides and iteration count and every collective its transfer.</summary>
    public void BuildNest(MappingNode node)
    {
        switch (node)
        {
            case DataMovementTileNode tile:
                foreach (var child in tile.Children)
                {
                    BuildNest(child);
                }

                BuildTile(tile);
                break;
            case OperationNode op:
                BuildOperation(op);
                break;
            case CollectiveOperationNode col:
                BuildCollective(col);
                break;
        }
    }

    private void BuildOperation(OperationNode op)
    {
        foreach (var (tensor, steps) in op.TileSteps)
        {
            var map = StrideOf(tensor, op.OperationName);
            map.Clear();
            foreach (var (d, v) in steps)
            {
                map[d] = v;
            }

            long relative = 1;
            if (op.Kind == OperationKind.Gemm)
            {
                foreach (var tp in op.TilePrimitive)
                {
                    steps.TryGetValue(tp.DimensionId, out var s);
                    relative *= (uint)s / (uint)tp.Value;
                }
            }

            step[(tensor, op.OperationName)] = relative;
        }
    }

    private void BuildTile(DataMovementTileNode tile)
    {
        var result = new LoopDraft[tile.Entries.Count];
        for (var e = 0; e < tile.Entries.Count; e++)
        {
            var entry = tile.Entries[e];
            var key = (entry.TensorId, entry.Tag);
            step.TryGetValue(key, out var previousStep);
            var op = problem.FindOperation(entry.Tag);
            var readWrite = op is null || !op.Projections.ContainsKey(entry.TensorId) || op.IsReadWrite(entry.TensorId);
            var strides = StrideOf(entry.TensorId, entry.Tag);
            long iterations = 1, fanOut = 1;
            var descriptor = new List<IReadOnlyDictionary<int, LoopBound>>();
            foreach (var line in entry.Factors)
            {
                var bounds = new Dictionary<int, LoopBound>();
                foreach (var (d, f) in line)
                {
                    strides.TryGetValue(d, out var s);
                    bounds[d] = new LoopBound(s * f, s);
                    strides[d] = s * f;
                    if (!tile.IsSpatial)
                    {
                        step.TryGetValue(key, out var st);
                        step[key] = st * f;
                        iterations *= f;
                    }
                    else
                    {
                        fanOut *= f;
                    }
                }

                descriptor.Add(bounds);
            }

            result[e] = new LoopDraft
            {
                Entry = new LoopEntry(entry.TensorId, entry.Tag, entry.TargetLevelId, entry.ChildLevelId, entry.PrecisionBits, entry.ReadModifyWrite,
                    readWrite, problem.IsIntermediate(entry.TensorId), previousStep, iterations, fanOut, descriptor, tile.Permutation),
                Iterations = iterations,
            };
        }

        drafts[tile.Index] = result;
        foreach (var op in problem.Operations)
        {
            var output = problem.TensorId(op.Output);
            foreach (var draft in result)
            {
                if (draft.Entry.TensorId != output)
                {
                    continue;
                }

                if (!outputs.TryGetValue(draft.Entry.TargetLevelId, out var byTensor))
                {
                    byTensor = new Dictionary<int, List<Dictionary<int, long>>>();
                    outputs[draft.Entry.TargetLevelId] = byTensor;
                }

                byTensor[output] = draft.Entry.Descriptor.Select(line => line.ToDictionary(p => p.Key, p => p.Value.End)).ToList();
            }
        }
    }

    private void BuildCollective(CollectiveOperationNode col)
    {
        if (!outputs.TryGetValue(col.TargetLevelId, out var byTensor) || !byTensor.TryGetValue(col.InputTensorId, out var inSize) || inSize.Count == 0)
        {
            throw new InputException("mapping.yaml", col.KeyPath + ".in_tensor",
                $"no tile of tensor '{problem.TensorNames[col.InputTensorId]}' is produced at level '{arch.Levels[col.TargetLevelId].Name}' before the collective",
                col.Line, col.Column);
        }

        var sources = CollectiveTileRule.Instances(arch, col.SourceLevelIds);
        var destinations = CollectiveTileRule.Instances(arch, col.DestinationLevelIds);
        var change = CollectiveTileRule.ChangeOf(col.Kind);
        var outSize = inSize.Select(line => new Dictionary<int, long>(line)).ToList();
        foreach (var line in outSize)
        {
            if (!line.TryGetValue(col.DimensionId, out var extent))
            {
                continue;
            }

            // Truncated to uint as the tool's extents are (the mapping validator truncates to long; they differ only at 2^32 and beyond).
            line[col.DimensionId] = change switch
            {
                CollectiveExtentChange.GrowsBySources => CollectiveTileRule.Gathered(extent, sources),
                CollectiveExtentChange.SplitsByDestinations => (uint)CollectiveTileRule.Share(extent, destinations),
                _ => extent,
            };
        }

        if (byTensor.ContainsKey(col.OutputTensorId))
        {
            byTensor[col.OutputTensorId] = outSize;
        }

        if (col.WritesBack)
        {
            var map = StrideOf(col.InputTensorId, col.Tag);
            map.Clear();
            foreach (var (d, v) in outSize[^1])
            {
                map[d] = v;
            }

            step[(col.InputTensorId, col.Tag)] = 1;
        }

        var readProjection = LoopNestAnalyzer.ProjectionFor(problem, col.InputTensorId, col.Tag, col);
        var outKey = change == CollectiveExtentChange.Keeps ? col.InputTensorId : col.OutputTensorId;
        var writeProjection = LoopNestAnalyzer.ProjectionFor(problem, outKey, col.Tag, col);
        var inLast = inSize[^1];
        var outLast = outSize[^1];
        var read = LoopNestAnalyzer.ProjectedElements(readProjection, d => inLast.TryGetValue(d, out var v) ? v : 0);
        var write = LoopNestAnalyzer.ProjectedElements(writeProjection, d => outLast.TryGetValue(d, out var v) ? v : 0);
        collectives[col.Index] = new CollectiveTransfer(col, read, write, outSize);
    }
}
