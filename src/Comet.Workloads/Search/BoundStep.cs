using System.Collections.Concurrent;
using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Search;

/// <summary>A step's problem and mapping YAML read once (the problem parsed once: it names only the shape's constants); each candidate only re-binds the constant table (a mapping node is parsed once per distinct value of the constants it names), then is checked and costed (results are kept per distinct table, so an unfused step shared by many candidates is costed once).</summary>
public sealed class BoundStep
{
    /// <summary>What the capacity check says when tiles do not fit a buffer (MappingValidator's wording).</summary>
    private const string DoesNotFitMarker = "but it holds";

    private readonly ArchitectureSpec arch;
    private readonly YamlFile problemFile;
    private readonly YamlFile mappingFile;
    private readonly AnalyticOptions options;
    private readonly ConcurrentDictionary<string, StepCost>? costs;
    private readonly MappingNodeCache nodes = new();
    private Problem? problem;

    /// <summary>Reads the step's YAML once; with <paramref name="remember"/> a table seen before is not costed again.</summary>
    public BoundStep(ArchitectureSpec arch, SearchStep step, bool nocEnergy, bool remember)
    {
        costs = remember ? new ConcurrentDictionary<string, StepCost>(StringComparer.Ordinal) : null;
        ArgumentNullException.ThrowIfNull(step);
        this.arch = arch;
        Step = step;
        problemFile = YamlFile.Parse(step.Problem, "problem.yaml");
        mappingFile = YamlFile.Parse(step.Mapping, "mapping.yaml");
        options = new AnalyticOptions(nocEnergy);
    }

    /// <summary>The step this binds.</summary>
    public SearchStep Step { get; }

    /// <summary>The step's figures for <paramref name="tiling"/>: pruned when its tiles do not fit (checked before any costing), else costed by the analytical model.</summary>
    public StepCost Cost(Tiling tiling)
    {
        ArgumentNullException.ThrowIfNull(tiling);
        var constants = Step.Constants(tiling);
        return costs is null ? CostOf(constants) : costs.GetOrAdd(string.Join(',', constants.Select(c => c.Value)), _ => CostOf(constants));
    }

    /// <summary>The inputs a constant table gives this step, checked by COMET's rules (capacity included).</summary>
    /// <exception cref="InputException">The table does not give a valid case.</exception>
    public CometInputSet Bind(IReadOnlyList<KeyValuePair<string, string>> constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        var table = new ConstantTable(constants.ToDictionary(c => c.Key, c => new ConstantValue(c.Value, 0, 0), StringComparer.Ordinal));
        // A template's problem.yaml names only the shape's constants, which a tiling never changes: parsed once.
        var problem = this.problem ??= ProblemLoader.Parse(problemFile, table);
        var mapping = MappingLoader.Parse(mappingFile, arch, problem, table, nodes);
        MappingValidator.Validate(arch, problem, mapping);
        return new CometInputSet(arch, problem, mapping, table, new Dictionary<string, string>());
    }

    private StepCost CostOf(IReadOnlyList<KeyValuePair<string, string>> constants)
    {
        CometInputSet inputs;
        try
        {
            inputs = Bind(constants);
        }
        catch (InputException e)
        {
            var prefix = e.Problem.Contains(DoesNotFitMarker, StringComparison.Ordinal) ? "pruned" : "invalid";
            return new StepCost($"{prefix}: {Where(e)}{e.Problem}", 0, 0);
        }

        try
        {
            var loops = LoopNestAnalyzer.Analyze(inputs.Architecture, inputs.Problem, inputs.Mapping);
            var report = AnalyticalModel.Evaluate(inputs.Architecture, inputs.Problem, inputs.Mapping, loops, options);
            return new StepCost(CandidateCost.Ok, report.TotalCycles, report.TotalEnergyPj);
        }
        catch (InputException e)
        {
            return new StepCost($"invalid: {Where(e)}{e.Problem}", 0, 0);
        }
    }

    private string Where(InputException e) => string.IsNullOrEmpty(Step.Folder) ? string.Empty : $"{Step.Folder}: ";
}
