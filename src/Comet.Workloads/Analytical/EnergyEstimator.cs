using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The energy pass (pre-order, reference-model §8): multiplies each node's access counts by how often its ancestors repeat
/// it (the parent iteration count) and by the spatial instances, and prices them per memory row, compute op and NoC transfer.
/// </summary>
internal sealed class EnergyEstimator
{
    private readonly ArchitectureSpec arch;
    private readonly Mapping mapping;
    private readonly LoopNestAnalysis loops;
    private readonly CostWalk walk;
    private readonly Dictionary<int, SortedDictionary<int, double>> nodeEnergy = new();
    private readonly Dictionary<int, SortedDictionary<string, double>> nodeNocEnergy = new();
    private readonly Dictionary<int, long> parentIterations = new();
    private readonly Dictionary<int, List<AccessRecord>> scaledAccesses = new();

    private EnergyEstimator(ArchitectureSpec arch, Mapping mapping, LoopNestAnalysis loops, CostWalk walk)
    {
        this.arch = arch;
        this.mapping = mapping;
        this.loops = loops;
        this.walk = walk;
        foreach (var (index, result) in walk.Collectives)
        {
            var col = (CollectiveOperationNode)mapping.Nodes[index];
            var name = arch.Levels[col.TargetLevelId].Name;
            nodeEnergy[index] = new SortedDictionary<int, double> { [col.TargetLevelId] = result.ReadEnergyPj + result.WriteEnergyPj };
            nodeNocEnergy[index] = new SortedDictionary<string, double>(StringComparer.Ordinal) { [$"{name}<->{name}"] = result.NocEnergyPj };
        }
    }

    /// <summary>Prices the accesses of <paramref name="walk"/>: per node, memory/compute energy by level, NoC energy, and the parent iteration counts.</summary>
    public static EnergyResult Estimate(ArchitectureSpec arch, Mapping mapping, LoopNestAnalysis loops, CostWalk walk)
    {
        var pass = new EnergyEstimator(arch, mapping, loops, walk);
        pass.Visit(mapping.Root, new AncestorCounts(), new AncestorCounts());
        return new EnergyResult(
            pass.nodeEnergy.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<int, double>)p.Value),
            pass.nodeNocEnergy.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, double>)p.Value),
            pass.parentIterations);
    }

    private List<int> TensorsOnLeft(MappingNode node)
    {
        var result = new List<int>();
        foreach (var sibling in mapping.Parent(node)!.Children)
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

    private List<string> TagsOnLeft(MappingNode node, int tensor)
    {
        var result = new List<string>();
        foreach (var sibling in mapping.Parent(node)!.Children)
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

    private void Visit(MappingNode node, AncestorCounts spatial, AncestorCounts iterations)
    {
        if (node is not DataMovementTileNode tile)
        {
            return;
        }

        var loop = loops.Tiles[tile.Index]!;
        var current = new AncestorCounts();
        if (tile.IsSpatial || tile.IsLeaf)
        {
            var energy = new SortedDictionary<int, double>();
            var noc = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var records = walk.Accesses.TryGetValue(tile.Index, out var list) ? list : [];
            var scaled = new List<AccessRecord>(records.Count);
            var atRoot = tile.ParentIndex == mapping.Root.Index;
            var loopTensors = loop.Entries.Select(e => e.TensorId).ToList();
            List<int>? leftCache = null;
            foreach (var record in records)
            {
                var tag = record.Tag;
                var count = record.AccessCount;
                if (record.IsTarget && !record.IsCompute)
                {
                    current.Tag(tag)[record.TensorId] = record.AccessCount;
                }

                List<int>? leftAndOwn = null;
                if (!record.IsCompute && !atRoot)
                {
                    leftAndOwn = leftCache ??= TensorsOnLeft(tile).Concat(loopTensors).ToList();
                    var (found, max) = iterations.Find(leftAndOwn);
                    if (!found)
                    {
                        throw new InvalidOperationException($"{tile.Name}: no ancestor iteration count for its tensors (the tool aborts here)");
                    }

                    count *= max;
                    iterations.Tag(tag)[record.TensorId] = max;
                    parentIterations[tile.Index] = parentIterations.TryGetValue(tile.Index, out var pi) ? Math.Max(pi, max) : max;
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
                    leftAndOwn ??= leftCache ??= TensorsOnLeft(tile).Concat(loopTensors).ToList();
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
                            (found, m) = iterations.Find(TensorsOnLeft(tile));
                        }

                        if (!found && !atRoot)
                        {
                            throw new InvalidOperationException($"{tile.Name}: no ancestor iteration count for its compute (the tool aborts here)");
                        }

                        max = m;
                    }

                    count *= max;
                    var accesses = (ulong)(instances * count);
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
                    var bits = (ulong)(instances * count * record.TileSize * record.ProjectedSpatialCount * (byte)record.PrecisionBits);
                    value = bits * cost / (memory.WidthBytes * 8.0); // sp·acc·size·proj·bits·e/(width·8), the product rounded to float
                    if (record.ReadModifyWrite)
                    {
                        value *= 2;
                    }
                }

                energy.TryGetValue(record.LevelId, out var sum);
                energy[record.LevelId] = sum + value;
                scaled.Add(record with { AccessCount = count });
            }

            nodeEnergy[tile.Index] = energy;
            nodeNocEnergy[tile.Index] = noc;
            scaledAccesses[tile.Index] = scaled;
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
                    ScaleCollective(tile, loop.Node.IsSpatial, col, i, current, iterations);
                    break;
                case DataMovementTileNode:
                    Visit(child, spatial.Copy(), iterations.Copy());
                    break;
            }
        }
    }

    private void ScaleCollective(DataMovementTileNode parent, bool parentSpatial, CollectiveOperationNode col, int position, AncestorCounts current, AncestorCounts iterations)
    {
        var tagsOnLeft = TagsOnLeft(col, col.InputTensorId);
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

            if (left is not null && scaledAccesses.TryGetValue(left.Index, out var records))
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
            parentIterations[col.Index] = count;
            Scale(col.Index, count);
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

            parentIterations[col.Index] = count;
            Scale(parent.Index, count); // the tool scales the spatial parent's energy, not the collective's
        }
    }

    private void Scale(int node, long factor)
    {
        if (nodeEnergy.TryGetValue(node, out var energy))
        {
            foreach (var key in energy.Keys.ToList())
            {
                energy[key] *= factor;
            }
        }

        if (nodeNocEnergy.TryGetValue(node, out var noc))
        {
            foreach (var key in noc.Keys.ToList())
            {
                noc[key] *= factor;
            }
        }
    }
}
