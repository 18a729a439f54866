using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>COMET's analytical latency/energy model: the library entry point used by <c>comet analyze</c> and <c>comet simulate</c>.</summary>
public static class AnalyticalModel
{
    /// <summary>Evaluates a parsed mapping on an architecture (loop-nest analysis included).</summary>
    public static AnalyticReport Evaluate(ArchitectureSpec arch, Problem problem, Mapping mapping, AnalyticOptions? options = null)
        => Evaluate(arch, problem, mapping, LoopNestAnalyzer.Analyze(arch, problem, mapping), options);

    /// <summary>Evaluates the four loaded inputs.</summary>
    public static AnalyticReport Evaluate(CometInputSet inputs, AnalyticOptions? options = null)
        => Evaluate(inputs.Architecture, inputs.Problem, inputs.Mapping, options);

    /// <summary>Evaluates with a precomputed loop-nest analysis (to evaluate many times after parsing once).</summary>
    public static AnalyticReport Evaluate(ArchitectureSpec arch, Problem problem, Mapping mapping, LoopNestAnalysis loops, AnalyticOptions? options = null)
    {
        try
        {
            return Run(arch, problem, mapping, loops, options ?? AnalyticOptions.Default);
        }
        catch (InvalidOperationException e)
        {
            // combinations the tool aborts or crashes on (zero bandwidths, compute children of memories, …) are input errors here
            throw new InputException("mapping.yaml", string.Empty, e.Message, inner: e);
        }
    }

    // Each pass takes what it needs and returns a read-only result: walk → energy → ideal compute → cycle accounting → report.
    private static AnalyticReport Run(ArchitectureSpec arch, Problem problem, Mapping mapping, LoopNestAnalysis loops, AnalyticOptions options)
    {
        var walk = CostWalker.Walk(arch, mapping, loops, options.NocEnergy);
        var energy = EnergyEstimator.Estimate(arch, mapping, loops, walk);
        var rootCycles = walk.NodeCycles[mapping.Root.Index];
        var ideal = IdealCompute.PerOperation(arch, problem, mapping, loops);
        var utilization = IdealCompute.Utilization(arch, ideal, rootCycles);
        var cycles = CycleAccounting.Total(arch, mapping, walk, energy.ParentIterations);
        var (energyTotal, breakdown, nodeEnergy) = EnergyReport(arch, mapping, energy, options.NocEnergy);
        var nodeCycles = new Dictionary<string, long>();
        var parentIterations = new Dictionary<string, long>();
        foreach (var node in mapping.Nodes)
        {
            if (node is DataMovementTileNode or CollectiveOperationNode)
            {
                nodeCycles[node.Name] = walk.NodeCycles[node.Index];
                if (energy.ParentIterations.TryGetValue(node.Index, out var pi))
                {
                    parentIterations[node.Name] = pi;
                }
            }
        }

        return new AnalyticReport(
            cycles.Total,
            rootCycles,
            ideal.Cycles.Values.Sum(),
            ideal.Cycles,
            utilization,
            energyTotal,
            breakdown,
            cycles.Units,
            nodeCycles,
            parentIterations,
            nodeEnergy,
            options.NocEnergy)
        {
            MeshExtensions = walk.MeshExtensions,
        };
    }

    private static (double Total, SortedDictionary<string, float> Breakdown, Dictionary<string, IReadOnlyDictionary<string, double>> Nodes) EnergyReport(
        ArchitectureSpec arch, Mapping mapping, EnergyResult result, bool noc)
    {
        double total = 0;
        var breakdown = new SortedDictionary<string, float>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var node in mapping.Nodes)
        {
            if (node is not (DataMovementTileNode or CollectiveOperationNode))
            {
                continue;
            }

            var rows = new Dictionary<string, double>();
            if (result.NodeEnergy.TryGetValue(node.Index, out var energy))
            {
                var leafOp = node is DataMovementTileNode { IsLeaf: true } leaf ? ((OperationNode)leaf.Children[0]).OperationName : null;
                foreach (var (level, value) in energy)
                {
                    var spec = arch.Levels[level];                    var key = leafOp is not null && spec.IsCompute ? $"{spec.Name}-{leafOp}" : spec.Name;
                    breakdown[key] = (float)((breakdown.TryGetValue(key, out var b) ? b : 0f) + value);
                    total += value;
                    rows[spec.Name] = value;
                }
            }

            if (noc && result.NodeNocEnergy.TryGetValue(node.Index, out var nocEnergy))
            {
                foreach (var (name, value) in nocEnergy)
                {
                    var key = node is CollectiveOperationNode col ? $"{name}-{col.Kind.ToString().ToUpperInvariant()}" : name;
                    breakdown[key] = (float)((breakdown.TryGetValue(key, out var b) ? b : 0f) + value);
                    total += value;
                    rows[name] = value;
                }
            }

            if (rows.Count > 0)
            {
                nodes[node.Name] = rows;
            }
        }

        return (total, breakdown, nodes);
    }
}
