using Comet.Hardware.Inputs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Loop;

/// <summary>The second pass of the loop-nest analysis, pre-order: the tiles every entry moves at every step (size, distinct replicas, fan-out, whether the step reuses the previous tile).</summary>
internal sealed class TileMoveBuilder(Problem problem, Mapping mapping, LoopDraft[]?[] drafts)
{
    private readonly TileMoveSequence[]?[] moves = new TileMoveSequence[mapping.Nodes.Count][];
    private readonly bool[] sameTarget = new bool[mapping.Nodes.Count];

    /// <summary>Per node, the move sequence of each entry (null for nodes not visited).</summary>
    public TileMoveSequence[]?[] Moves => moves;

    /// <summary>Per node, true when a spatial node shares its parent's target level.</summary>
    public bool[] SameTarget => sameTarget;

    /// <summary>Walks <paramref name="node"/>'s subtree pre-order, giving every entry its tile size and per-step reuse.</summary>
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
            var projection = LoopNestAnalyzer.ProjectionFor(problem, entry.TensorId, entry.Tag, tile);
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

            var elements = LoopNestAnalyzer.ProjectedElements(projection, d => bounds.TryGetValue(d, out var b) ? b.Stride : 0);
            var ranks = projection.Ranks;
            var rankPositions = new int[ranks.Count][];
            for (var r = 0; r < ranks.Count; r++)
            {
                rankPositions[r] = ranks[r].Where(d => bounds.ContainsKey(d) && order.Contains(d)).Select(d => position[d]).ToArray();
            }

            var cursor = new long[n];
            var previous = new long[ranks.Count];
            var iterations = entries[e].Iterations;
            var reused = new ReuseRuns(iterations);
            long endSum = 0;
            foreach (var end in endAt)
            {
                endSum += end;
            }

            // A step that does not wrap the innermost loop moves only position 0, by its stride: the tile changes then exactly
            // when some rank sums position 0 (with a non-zero stride), the same for every such step, so the steps up to the
            // next wrap are appended as one run; only a wrapping step needs the rank sums compared.
            var innerMultiplicity = new long[rankPositions.Length];
            var innerMoves = false;
            for (var r = 0; r < rankPositions.Length; r++)
            {
                innerMultiplicity[r] = rankPositions[r].Count(p => p == 0);
                innerMoves |= innerMultiplicity[r] != 0;
            }

            var innerStride = n > 0 ? strideAt[0] : 0;
            var innerReused = !innerMoves || innerStride == 0;
            for (long step = 1; step < iterations;)
            {
                if (n > 0 && endSum != 0 && cursor[0] + innerStride < endAt[0])
                {
                    // steps before the wrap: cursor[0] + k·stride < end for k = 1 … count (all remaining steps when the stride is 0)
                    var count = innerStride == 0 ? iterations - step : Math.Min(iterations - step, (endAt[0] - 1 - cursor[0]) / innerStride);
                    cursor[0] += innerStride * count;
                    for (var r = 0; r < rankPositions.Length; r++)
                    {
                        previous[r] += innerMultiplicity[r] * innerStride * count;
                    }

                    reused.Add(innerReused, count);
                    step += count;
                    continue;
                }

                var walked = endSum != 0 && LoopNestAnalyzer.Advance(cursor, strideAt, endAt);

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

                reused.Add(same, 1);
                step++;
            }

            result[e] = new TileMoveSequence(elements, 1, 1, reused.Ends());
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
            // the parent's steps as they are when they match in number, else cut or extended with moving steps
            var reused = parentSteps == parentList.Count ? parentList.RunEnds : TileMoveSequence.Resized(parentList.RunEnds, parentSteps);
            result[e] = new TileMoveSequence(elements, unique, fanOut, reused);
        }

        moves[tile.Index] = result;
    }

    /// <summary>Enumerates the child tiles of a spatial entry at the origin and counts the distinct projected ones.</summary>
    private (long Elements, long Unique) SpatialTiles(DataMovementTileNode tile, LoopEntry entry)
    {
        var projection = LoopNestAnalyzer.ProjectionFor(problem, entry.TensorId, entry.Tag, tile);
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
        var elements = LoopNestAnalyzer.ProjectedElements(projection, d => inner.TryGetValue(d, out var b) ? b.Stride : 0);
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

            var walked = LoopNestAnalyzer.Advance(cursor, strideAt, endAt);

            if (!walked)
            {
                break;
            }
        }

        return (elements, found.Count);
    }
}
