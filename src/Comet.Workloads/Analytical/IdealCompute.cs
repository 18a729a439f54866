using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>Ideal compute cycles per operation and compute utilization (reference-model §9).</summary>
internal static class IdealCompute
{
    /// <summary>Per operation (name order): ⌊(Π op dims / ΠTP) · latency(TP) / total compute instances⌋.</summary>
    public static SortedDictionary<string, long> PerOperation(CostWalker walker, out SortedDictionary<string, int> levelOf)
    {
        var leaves = new SortedDictionary<string, (OperationNode Op, int Level)>(StringComparer.Ordinal);
        foreach (var node in walker.Mapping.Nodes)
        {
            if (node is OperationNode op && walker.Mapping.Parent(op) is DataMovementTileNode parent)
            {
                leaves[op.OperationName] = (op, walker.Loops.Tiles[parent.Index]!.Entries[0].ChildLevelId);
            }
        }

        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        levelOf = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, (op, level)) in leaves)
        {
            var spec = walker.Arch.Levels[level];
            var compute = spec.Compute ?? throw new InvalidOperationException($"operation '{name}' runs on '{spec.Name}', which is not a compute level");
            var iterations = walker.Problem.FindOperation(name)!.InstanceSize / ComputeLatency.Volume(op.TilePrimitive);
            var latency = ComputeLatency.Cycles(compute, op.TilePrimitive, op.Attributes, op.Kind);
            var nodes = walker.Arch.TotalNodes(level);
            if (nodes <= 0)
            {
                throw new InvalidOperationException($"the instance count of '{spec.Name}' and its ancestors overflows 64 bits");
            }

            result[name] = iterations * latency / nodes;
            levelOf[name] = level;
        }

        return result;
    }

    /// <summary>Per compute level: Σ ideal(op)/cost(root) over its operations, in float32 as the tool sums it.</summary>
    public static SortedDictionary<string, float> Utilization(CostWalker walker, SortedDictionary<string, long> ideal, SortedDictionary<string, int> levelOf, long rootCycles)
    {
        var result = new SortedDictionary<string, float>(StringComparer.Ordinal);
        foreach (var (name, cycles) in ideal)
        {
            var level = walker.Arch.Levels[levelOf[name]].Name;
            var share = (float)cycles / (uint)rootCycles;
            result[level] = result.TryGetValue(level, out var v) ? v + share : share;
        }

        return result;
    }
}
