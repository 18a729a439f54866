using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Collectives;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Loop;

/// <summary>
/// Builds the loop nest of a mapping (strides and iteration counts per tensor entry, post-order) and the tiles moved
/// at every step (pre-order), exactly as the reference tool does. Pure: no timing, no energy.
/// </summary>
public static class LoopNestAnalyzer
{
    /// <summary>Analyzes a parsed, validated mapping.</summary>
    public static LoopNestAnalysis Analyze(ArchitectureSpec arch, Problem problem, Mapping mapping)
    {
        var builder = new Builder(arch, problem, mapping);
        builder.BuildNest(mapping.Root);
        builder.BuildMoves(mapping.Root);
        return builder.Result();
    }

    /// <summary>Elements of a tile whose extent per dimension is given: product over ranks of the summed extents.</summary>
    public static long ProjectedElements(TensorProjection projection, Func<int, long> extent)
    {
        long elements = 1;
        foreach (var rank in projection.Ranks)
        {
            long sum = 0;
            foreach (var d in rank)
            {
                sum += extent(d);
            }

            elements *= sum;
        }

        return elements;
    }

    /// <summary>Moves the loop cursor one step, innermost position first, like an odometer; false when every position wrapped (the walk is over).</summary>
    private static bool Advance(long[] cursor, long[] strideAt, long[] endAt)
    {
        for (var i = 0; i < cursor.Length; i++)
        {
            cursor[i] += strideAt[i];
            if (cursor[i] < endAt[i])
            {
                return true;
            }

            cursor[i] = 0;
        }

        return false;
    }

    private sealed class Draft
    {
        public required LoopEntry Entry;
        public long Iterations;
    }

    private sealed class Builder(ArchitectureSpec arch, Problem problem, Mapping mapping)
    {
        private readonly Dictionary<(int, string), Dictionary<int, long>> stride = new();
        private readonly Dictionary<(int, string), long> step = new();
        private readonly Dictionary<int, Dictionary<int, List<Dictionary<int, long>>>> outputs = new();
        private readonly Draft[]?[] drafts = new Draft[mapping.Nodes.Count][];
        private readonly TileMoveSequence[]?[] moves = new TileMoveSequence[mapping.Nodes.Count][];
        private readonly bool[] sameTarget = new bool[mapping.Nodes.Count];
        private readonly CollectiveTransfer?[] collectives = new CollectiveTransfer?[mapping.Nodes.Count];

        public LoopNestAnalysis Result()
        {
            var tiles = new LoopNestNode?[mapping.Nodes.Count];
            for (var i = 0; i < tiles.Length; i++)
            {
                if (drafts[i] is { } d && mapping.Nodes[i] is DataMovementTileNode node)
                {
                    var entries = d.Select(x => x.Entry with { Iterations = x.Iterations }).ToArray();
                    tiles[i] = new LoopNestNode(node, entries, moves[i]!, sameTarget[i]);
                }
            }

            return new LoopNestAnalysis(tiles, collectives);
        }

        private Dictionary<int, long> StrideOf(int tensor, string tag)
        {
            if (!stride.TryGetValue((tensor, tag), out var map))
            {
                map = new Dictionary<int, long>();
                stride[(tensor, tag)] = map;
            }

            return map;
        }

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
            var result = new Draft[tile.Entries.Count];
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

                result[e] = new Draft
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

            var readProjection = ProjectionFor(col.InputTensorId, col.Tag, col);
            var outKey = change == CollectiveExtentChange.Keeps ? col.InputTensorId : col.OutputTensorId;
            var writeProjection = ProjectionFor(outKey, col.Tag, col);
            var inLast = inSize[^1];
            var outLast = outSize[^1];
            var read = ProjectedElements(readProjection, d => inLast.TryGetValue(d, out var v) ? v : 0);
            var write = ProjectedElements(writeProjection, d => outLast.TryGetValue(d, out var v) ? v : 0);
            collectives[col.Index] = new CollectiveTransfer(col, read, write, outSize);
        }

        private TensorProjection ProjectionFor(int tensor, string tag, MappingNode at)
        {
            return problem.ProjectionFor(tensor, tag)
                ?? throw new InputException("mapping.yaml", at.KeyPath, $"tensor '{problem.TensorNames[tensor]}' has no projection in any operation", at.Line, at.Column);
        }

        public void BuildMoves(MappingNode node)
        {
            if (node is DataMovementTileNode tile)
            {
                if (tile.IsSpatial)
                {
                    BuildSpatialMoves(tile);
                }
                else
                {
                    BuildTemporalMoves(tile);
                }

                foreach (var child in tile.Children)
                {
                    BuildMoves(child);
                }
            }
        }

        private void BuildTemporalMoves(DataMovementTileNode tile)
        {
            var entries = drafts[tile.Index]!;
            var result = new TileMoveSequence[entries.Length];
            for (var e = 0; e < entries.Length; e++)
            {
                var entry = entries[e].Entry;
                var projection = ProjectionFor(entry.TensorId, entry.Tag, tile);
                var bounds = entry.Descriptor[^1];
                var order = entry.Order;
                var n = order.Count;
                var strideAt = new long[n];
                var endAt = new long[n];
                var position = new int[64];
                for (var i = 0; i < n; i++)
                {
                    var b = bounds.TryGetValue(order[i], out var lb) ? lb : default;
                    strideAt[i] = b.Stride;
                    endAt[i] = b.End;
                    position[order[i]] = i;
                }

                var elements = ProjectedElements(projection, d => bounds.TryGetValue(d, out var b) ? b.Stride : 0);
                var ranks = projection.Ranks;
                var rankPositions = new int[ranks.Count][];
                for (var r = 0; r < ranks.Count; r++)
                {
                    rankPositions[r] = ranks[r].Where(d => bounds.ContainsKey(d) && order.Contains(d)).Select(d => position[d]).ToArray();
                }

                var cursor = new long[n];
                var previous = new long[ranks.Count];
                var iterations = entries[e].Iterations;
                var reused = new bool[iterations];
                long endSum = 0;
                foreach (var end in endAt)
                {
                    endSum += end;
                }

                for (long step = 1; step < iterations; step++)
                {
                    var walked = endSum != 0 && Advance(cursor, strideAt, endAt);

                    if (!walked)
                    {
                        throw new InputException("mapping.yaml", tile.KeyPath + ".factors",
                            $"the loop of tensor {problem.TensorNames[entry.TensorId]} cannot take {iterations} steps (its tile strides are zero)", tile.Line, tile.Column);
                    }

                    // the step reuses the previous tile when no rank index of the tensor changed
                    var same = true;
                    for (var r = 0; r < rankPositions.Length; r++)
                    {
                        long sum = 0;
                        foreach (var p in rankPositions[r])
                        {
                            sum += cursor[p];
                        }

                        if (sum != previous[r])
                        {
                            previous[r] = sum;
                            same = false;
                        }
                    }

                    reused[step] = same;
                }

                result[e] = new TileMoveSequence(elements, 1, 1, reused);
            }

            moves[tile.Index] = result;
        }

        private void BuildSpatialMoves(DataMovementTileNode tile)
        {
            if (mapping.Parent(tile) is not DataMovementTileNode parent)
            {
                throw new InputException("mapping.yaml", tile.KeyPath + ".type", "a spatial DataMovement_Tile needs a DataMovement_Tile parent", tile.Line, tile.Column);
            }

            var parentDrafts = drafts[parent.Index]!;
            var parentMoves = moves[parent.Index]!;
            var entries = drafts[tile.Index]!;
            var result = new TileMoveSequence[entries.Length];
            var childIndex = 0; // the tool keeps the previous entry's index when a tensor is missing from the parent (uninitialized variable)
            for (var e = 0; e < entries.Length; e++)
            {
                var entry = entries[e].Entry;
                for (var j = 0; j < parentDrafts.Length; j++)
                {
                    if (parentDrafts[j].Entry.TensorId == entry.TensorId && parentDrafts[j].Entry.Tag == entry.Tag)
                    {
                        childIndex = j;
                        break;
                    }
                }

                var parentEntry = parentDrafts[childIndex];
                if (entry.TargetLevelId == parentEntry.Entry.TargetLevelId)
                {
                    sameTarget[tile.Index] = true;
                    foreach (var p in parentDrafts)
                    {
                        if (p.Entry.TensorId == entry.TensorId && p.Entry.Tag == entry.Tag)
                        {
                            entries[e].Iterations = p.Iterations;
                        }
                    }
                }

                var (elements, unique) = SpatialTiles(tile, entry);
                var fanOut = entry.SpatialFanOut;
                var parentSteps = parentEntry.Iterations;
                var parentList = parentMoves[childIndex];
                var reused = new bool[parentSteps];
                for (var i = 1; i < parentSteps; i++)
                {
                    reused[i] = i < parentList.Count && parentList.IsReused(i);
                }

                result[e] = new TileMoveSequence(elements, unique, fanOut, reused);
            }

            moves[tile.Index] = result;
        }

        /// <summary>Enumerates the child tiles of a spatial entry at the origin and counts the distinct projected ones.</summary>
        private (long Elements, long Unique) SpatialTiles(DataMovementTileNode tile, LoopEntry entry)
        {
            var projection = ProjectionFor(entry.TensorId, entry.Tag, tile);
            var inner = entry.Descriptor[0];
            var outer = entry.Descriptor[^1];
            var order = entry.Order;
            var n = order.Count;
            var strideAt = new long[n];
            var endAt = new long[n];
            var dimAt = new int[n];
            for (var i = 0; i < n; i++)
            {
                dimAt[i] = order[i];
                strideAt[i] = inner.TryGetValue(order[i], out var a) ? a.Stride : 0;
                endAt[i] = outer.TryGetValue(order[i], out var b) ? b.End : 0;
                if (strideAt[i] == 0 && endAt[i] > 0)
                {
                    throw new InputException("mapping.yaml", tile.KeyPath + ".factors",
                        $"tensor {problem.TensorNames[entry.TensorId]} has a zero tile extent in dimension {problem.DimensionNames[order[i]]}", tile.Line, tile.Column);
                }
            }

            var ranks = projection.Ranks;
            var elements = ProjectedElements(projection, d => inner.TryGetValue(d, out var b) ? b.Stride : 0);
            var found = new List<(long[] Min, long[] Max)>();
            var cursor = new long[n];
            long endSum = 0;
            foreach (var end in endAt)
            {
                endSum += end;
            }

            while (true)
            {
                var min = new long[ranks.Count];
                var max = new long[ranks.Count];
                for (var r = 0; r < ranks.Count; r++)
                {
                    foreach (var d in ranks[r])
                    {
                        var i = Array.IndexOf(dimAt, d);
                        if (i < 0)
                        {
                            continue;
                        }

                        min[r] += cursor[i];
                        max[r] += cursor[i] + strideAt[i];
                    }
                }

                var inside = false;
                foreach (var (fmin, fmax) in found)
                {
                    var contains = true;
                    for (var r = 0; r < ranks.Count && contains; r++)
                    {
                        contains = fmin[r] <= min[r] && min[r] <= fmax[r] && fmin[r] <= max[r] && max[r] <= fmax[r];
                    }

                    if (contains)
                    {
                        inside = true;
                        break;
                    }
                }

                if (!inside)
                {
                    found.Add((min, max));
                }

                if (endSum == 0)
                {
                    break;
                }

                var walked = Advance(cursor, strideAt, endAt);

                if (!walked)
                {
                    break;
                }
            }

            return (elements, found.Count);
        }
    }
}
