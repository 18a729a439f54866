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

    private static AnalyticReport Run(ArchitectureSpec arch, Problem problem, Mapping mapping, LoopNestAnalysis loops, AnalyticOptions options)
    {
        var walker = new CostWalker(arch, problem, mapping, loops, options.NocEnergy);
        walker.Walk();
        EnergyEstimator.Estimate(walker);
        var rootCycles = walker.NodeCost[mapping.Root.Index];
        var ideal = IdealCompute.PerOperation(walker, out var levelOf);
        var utilization = IdealCompute.Utilization(walker, ideal, levelOf, rootCycles);
        var table = new SortedDictionary<string, (long? Cs, long? Os, long? Tmw)>(StringComparer.Ordinal);
        var total = CycleAccounting.Total(walker, table);
        var (energyTotal, breakdown, nodeEnergy) = EnergyReport(walker, options.NocEnergy);
        var nodeCycles = new Dictionary<string, long>();
        var parentIterations = new Dictionary<string, long>();
        foreach (var node in mapping.Nodes)
        {
            if (node is DataMovementTileNode or CollectiveOperationNode)
            {
                nodeCycles[node.Name] = walker.NodeCost[node.Index];
                if (walker.ParentIterations.TryGetValue(node.Index, out var pi))
                {
                    parentIterations[node.Name] = pi;
                }
            }
        }

        return new AnalyticReport(
            total,
            rootCycles,
            ideal.Values.Sum(),
            ideal,
            utilization,
            energyTotal,
            breakdown,
            table.ToDictionary(p => p.Key, p => new UnitCycles(p.Value.Cs, p.Value.Os, p.Value.Tmw), StringComparer.Ordinal),
            nodeCycles,
            parentIterations,
            nodeEnergy,
            options.NocEnergy)
        {
            MeshExtensions = walker.MeshExtensions.Values.OrderBy(m => m.Network, StringComparer.Ordinal).ThenBy(m => m.X).ThenBy(m => m.Y).ToList(),
        };
    }

    private static (double Total, SortedDictionary<string, float> Breakdown, Dictionary<string, IReadOnlyDictionary<string, double>> Nodes) EnergyReport(CostWalker walker, bool noc)
    {
        double total = 0;
        var breakdown = new SortedDictionary<string, float>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var node in walker.Mapping.Nodes)
        {
            if (node is not (DataMovementTileNode or CollectiveOperationNode))
            {
                continue;
            }

            var rows = new Dictionary<string, double>();
            if (walker.NodeEnergy.TryGetValue(node.Index, out var energy))
            {
                var leafOp = node is DataMovementTileNode { IsLeaf: true } leaf ? ((OperationNode)leaf.Children[0]).OperationName : null;
                foreach (var (level, value) in energy)
                {
                    var spec = walker.Arch.Levels[level];
                    var key = leafOp is not null && spec.IsCompute ? $"{spec.Name}-{leafOp}" : spec.Name;
                    breakdown[key] = (float)((breakdown.TryGetValue(key, out var b) ? b : 0f) + value);
                    total += value;
                    rows[spec.Name] = value;
                }
            }

            if (noc && walker.NodeNocEnergy.TryGetValue(node.Index, out var nocEnergy))
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
