using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Ideal compute cycles per operation and compute utilization (reference-model §9).</summary>
internal static class IdealCompute
{
    /// <summary>Per operation (name order): ⌊(Π op dims / ΠTP) · latency(TP) / total compute instances⌋.</summary>
    public static IdealComputeResult PerOperation(ArchitectureSpec arch, Problem problem, Mapping mapping, LoopNestAnalysis loops)
    {
        var leaves = new SortedDictionary<string, (OperationNode Op, int Level)>(StringComparer.Ordinal);
        foreach (var node in mapping.Nodes)
        {
            if (node is OperationNode op && mapping.Parent(op) is DataMovementTileNode parent)
            {
                leaves[op.OperationName] = (op, loops.Tiles[parent.Index]!.Entries[0].ChildLevelId);
            }
        }

        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var levelOf = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, (op, level)) in leaves)
        {
            var spec = arch.Levels[level];
            var compute = spec.Compute ?? throw new InvalidOperationException($"operation '{name}' runs on '{spec.Name}', which is not a compute level");
            var iterations = problem.FindOperation(name)!.InstanceSize / ComputeLatency.Volume(op.TilePrimitive);
            var latency = ComputeLatency.Cycles(compute, op.TilePrimitive, op.Attributes, op.Kind);
            var nodes = arch.TotalNodes(level);
            if (nodes <= 0)
            {
                throw new InvalidOperationException($"the instance count of '{spec.Name}' and its ancestors overflows 64 bits");
            }

            result[name] = iterations * latency / nodes;
            levelOf[name] = level;
        }

        return new IdealComputeResult(result, levelOf);
    }

    /// <summary>Per compute level: Σ ideal(op)/cost(root) over its operations, in float32 as the tool sums it.</summary>
    public static SortedDictionary<string, float> Utilization(ArchitectureSpec arch, IdealComputeResult ideal, long rootCycles)
    {
        var result = new SortedDictionary<string, float>(StringComparer.Ordinal);
        foreach (var (name, cycles) in ideal.Cycles)
        {
            var level = arch.Levels[ideal.LevelOf[name]].Name;
            var share = (float)cycles / (uint)rootCycles;
            result[level] = result.TryGetValue(level, out var v) ? v + share : share;
        }

        return result;
    }
}
