using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The energy pass (pre-order, reference-model §8): multiplies each node's access counts by how often its ancestors repeat
/// it (the parent iteration count) and by the spatial instances, and prices them per memory row, compute op and NoC transfer.
/// </summary>
internal static class EnergyEstimator
{
    private sealed class Counts : SortedDictionary<string, SortedDictionary<int, long>>
    {
        public Counts()
            : base(StringComparer.Ordinal)
        {
        }

        public Counts Copy()
        {
            var copy = new Counts();
            foreach (var (tag, map) in this)
            {
                copy[tag] = new SortedDictionary<int, long>(map);
            }

            return copy;
        }

        public SortedDictionary<int, long> Tag(string tag)
        {
            if (!TryGetValue(tag, out var map))
            {
                map = new SortedDictionary<int, long>();
                this[tag] = map;
            }

            return map;
        }

        /// <summary>The largest count of any of <paramref name="tensors"/> under any tag (1 when none, with a found flag).</summary>
        public (bool Found, long Max) Find(List<int> tensors)
        {
            var found = false;
            long max = 1;
            foreach (var (_, map) in this)
            {
                foreach (var (tensor, count) in map)
                {
                    if (tensors.Contains(tensor))
                    {
                        max = Math.Max(max, count);
                        found = true;
                    }
                }
            }

            return (found, max);
        }
    }

    public static void Estimate(CostWalker walker) => Visit(walker, walker.Mapping.Root, new Counts(), new Counts());

    private static List<int> TensorsOnLeft(CostWalker walker, MappingNode node)
    {
        var result = new List<int>();
        foreach (var sibling in walker.Mapping.Parent(node)!.Children)
        {
            if (ReferenceEquals(sibling, node))
            {
                break;
            }

            if (sibling is DataMovementTileNode dm)
            {
                foreach (var e in dm.Entries)
                {
                    if (!result.Contains(e.TensorId))
                    {
                        result.Add(e.TensorId);
                    }
                }
            }
        }

        return result;
    }

    private static List<string> TagsOnLeft(CostWalker walker, MappingNode node, int tensor)
    {
        var result = new List<string>();
        foreach (var sibling in walker.Mapping.Parent(node)!.Children)
        {
            if (ReferenceEquals(sibling, node))
            {
                break;
            }

            if (sibling is DataMovementTileNode dm)
            {
                foreach (var e in dm.Entries)
                {
                    if (e.TensorId == tensor)
                    {
                        result.Add(e.Tag);
                    }
                }
            }
        }

        return result;
    }

    private static void Visit(CostWalker walker, MappingNode node, Counts spatial, Counts iterations)
    {
        if (node is not DataMovementTileNode tile)
        {
            return;
        }

        var arch = walker.Arch;
        var loop = walker.Loops.Tiles[tile.Index]!;
        var current = new Counts();
        if (tile.IsSpatial || tile.IsLeaf)
        {
            var energy = new SortedDictionary<int, double>();
            var noc = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var records = walker.Accesses.TryGetValue(tile.Index, out var list) ? list : new List<AccessRecord>();
            var atRoot = tile.ParentIndex == walker.Mapping.Root.Index;
            var loopTensors = loop.Entries.Select(e => e.TensorId).ToList();
            List<int>? leftCache = null;
            foreach (var record in records)
            {
                var tag = record.Tag;
                if (record.IsTarget && !record.IsCompute)
                {
                    current.Tag(tag)[record.TensorId] = record.AccessCount;
                }

                List<int>? leftAndOwn = null;
                if (!record.IsCompute && !atRoot)
                {
                    leftAndOwn = leftCache ??= TensorsOnLeft(walker, tile).Concat(loopTensors).ToList();
                    var (found, max) = iterations.Find(leftAndOwn);
                    if (!found)
                    {
                        throw new InvalidOperationException($"{tile.Name}: no ancestor iteration count for its tensors (the tool aborts here)");
                    }

                    record.AccessCount *= max;
                    iterations.Tag(tag)[record.TensorId] = max;
                    walker.ParentIterations[tile.Index] = walker.ParentIterations.TryGetValue(tile.Index, out var pi) ? Math.Max(pi, max) : max;
                    if (!record.IsTarget)
                    {
                        var name = arch.Levels[record.LevelId].Name;
                        noc.TryGetValue($"{name}<->{name}", out var e);
                        noc[$"{name}<->{name}"] = e + record.NocEnergy * max;
                    }
                }

                long instances = 1;
                if (spatial.TryGetValue(tag, out var byTensor))
                {
                    if (byTensor.TryGetValue(record.TensorId, out var sp))
                    {
                        instances = sp;
                    }
                    else
                    {
                        foreach (var t in loopTensors)
                        {
                            if (byTensor.TryGetValue(t, out var v))
                            {
                                instances = Math.Max(instances, v);
                            }
                        }

                        byTensor[record.TensorId] = instances;
                    }
                }
                else if (!atRoot)
                {
                    leftAndOwn ??= leftCache ??= TensorsOnLeft(walker, tile).Concat(loopTensors).ToList();
                    var (found, max) = spatial.Find(leftAndOwn);
                    if (!found)
                    {
                        throw new InvalidOperationException($"{tile.Name}: no spatial instance count for its tensors (the tool aborts here)");
                    }

                    instances = max;
                }

                double value;
                var level = arch.Levels[record.LevelId];
                if (record.IsCompute)
                {
                    var compute = level.Compute!;
                    long max = 1;
                    if (iterations.TryGetValue(tag, out var byTag))
                    {
                        foreach (var t in loopTensors)
                        {
                            if (byTag.TryGetValue(t, out var v))
                            {
                                max = Math.Max(max, v);
                            }
                        }
                    }
                    else
                    {
                        var (found, m) = iterations.Find(loopTensors);
                        if (!found)
                        {
                            (found, m) = iterations.Find(TensorsOnLeft(walker, tile));
                        }

                        if (!found && !atRoot)
                        {
                            throw new InvalidOperationException($"{tile.Name}: no ancestor iteration count for its compute (the tool aborts here)");
                        }

                        max = m;
                    }

                    record.AccessCount *= max;
                    var accesses = (ulong)(instances * record.AccessCount);
                    value = compute.Model switch
                    {
                        ComputeModel.SystolicArray => accesses * record.ComputeEnergy,
                        ComputeModel.Vsimd => accesses * ComputeLatency.VsimdOperationEnergy(record.Operation, compute.ComputeWidth) * (ulong)compute.ComputeWidth,
                        _ => accesses * compute.ComputeEnergyPj * (uint)level.Instances,
                    };
                }
                else
                {
                    var memory = level.Memory!;
                    var cost = (float)(record.ReadWrite
                        ? record.IsTarget ? memory.ParentWriteEnergy : memory.ChildReadEnergy
                        : record.IsTarget ? memory.ParentReadEnergy : memory.ChildWriteEnergy);
                    var bits = (ulong)(instances * record.AccessCount * record.TileSize * record.ProjectedSpatialCount * (byte)record.PrecisionBits);
                    value = bits * cost / (memory.WidthBytes * 8.0); // sp·acc·size·proj·bits·e/(width·8), the product rounded to float
                    if (record.ReadModifyWrite)
                    {
                        value *= 2;
                    }
                }

                energy.TryGetValue(record.LevelId, out var sum);
                energy[record.LevelId] = sum + value;
            }

            walker.NodeEnergy[tile.Index] = energy;
            walker.NodeNocEnergy[tile.Index] = noc;
            var counter = 0;
            foreach (var record in records)
            {
                if (!record.IsTarget)
                {
                    continue;
                }

                var fanOut = counter < loop.Entries.Count ? loop.Entries[counter].SpatialFanOut : 1; // counter over target records, as the tool indexes it
                var map = spatial.Tag(record.Tag);
                map[record.TensorId] = map.TryGetValue(record.TensorId, out var v) ? v * fanOut : fanOut;
                counter++;
            }
        }

        if (tile.IsLeaf)
        {
            return;
        }

        foreach (var (tag, map) in current)
        {
            var target = iterations.Tag(tag);
            foreach (var (tensor, count) in map)
            {
                target[tensor] = target.TryGetValue(tensor, out var v) ? v * count : count;
            }
        }

        for (var i = 0; i < tile.Children.Count; i++)
        {
            var child = tile.Children[i];
            switch (child)
            {
                case CollectiveOperationNode col:
                    ScaleCollective(walker, tile, loop.Node.IsSpatial, col, i, current, iterations);
                    break;
                case DataMovementTileNode:
                    Visit(walker, child, spatial.Copy(), iterations.Copy());
                    break;
            }
        }
    }

    private static void ScaleCollective(CostWalker walker, DataMovementTileNode parent, bool parentSpatial, CollectiveOperationNode col, int position, Counts current, Counts iterations)
    {
        var tagsOnLeft = TagsOnLeft(walker, col, col.InputTensorId);
        long count;
        if (!parentSpatial)
        {
            DataMovementTileNode? left = null;
            for (var i = position - 1; i >= 0; i--)
            {
                if (parent.Children[i] is DataMovementTileNode dm)
                {
                    left = dm;
                    break;
                }
            }

            if (left is not null && walker.Accesses.TryGetValue(left.Index, out var records))
            {
                foreach (var r in records)
                {
                    if (r.IsTarget && !r.IsCompute)
                    {
                        current.Tag(r.Tag)[r.TensorId] = r.AccessCount;
                    }
                }
            }

            count = tagsOnLeft.Count > 0 && current.TryGetValue(tagsOnLeft[^1], out var byTensor) && byTensor.TryGetValue(col.InputTensorId, out var c) ? c : 0;
            walker.ParentIterations[col.Index] = count;
            Scale(walker, col.Index, count);
            walker.Accesses[col.Index] = [new AccessRecord { LevelId = col.TargetLevelId, AccessCount = count, TensorId = col.InputTensorId }];
        }
        else
        {
            count = 1;
            foreach (var (tag, map) in iterations)
            {
                foreach (var (tensor, value) in map)
                {
                    if (tensor == col.InputTensorId && tagsOnLeft.Contains(tag))
                    {
                        count = value;
                        break;
                    }
                }
            }

            walker.ParentIterations[col.Index] = count;
            Scale(walker, parent.Index, count); // the tool scales the spatial parent's energy, not the collective's
        }
    }

    private static void Scale(CostWalker walker, int node, long factor)
    {
        if (walker.NodeEnergy.TryGetValue(node, out var energy))
        {
            foreach (var key in energy.Keys.ToList())
            {
                energy[key] *= factor;
            }
        }

        if (walker.NodeNocEnergy.TryGetValue(node, out var noc))
        {
            foreach (var key in noc.Keys.ToList())
            {
                noc[key] *= factor;
            }
        }
    }
}
