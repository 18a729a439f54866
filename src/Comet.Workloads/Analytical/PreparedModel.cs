using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Inputs with their loop-nest analysis done once, for evaluating the model many times (benchmarks, sweeps over options).</summary>
/// <param name="Inputs">The loaded inputs.</param>
/// <param name="Loops">The loop-nest / data-movement analysis of the mapping.</param>
public sealed record PreparedModel(CometInputSet Inputs, LoopNestAnalysis Loops)
{
    /// <summary>Analyzes the mapping of <paramref name="inputs"/> once.</summary>
    public static PreparedModel Prepare(CometInputSet inputs)
        => new(inputs, LoopNestAnalyzer.Analyze(inputs.Architecture, inputs.Problem, inputs.Mapping));

    /// <summary>Evaluates the model on the prepared analysis.</summary>
    public AnalyticReport Evaluate(AnalyticOptions? options = null)
        => AnalyticalModel.Evaluate(Inputs.Architecture, Inputs.Problem, Inputs.Mapping, Loops, options);
}
