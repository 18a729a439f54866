using Comet.Hardware.Components;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The one rule that reads a systolic array's dataflow off the mapping: which operand stays while the streamed dimension flows.</summary>
public static class SystolicDataflowRule
{
    /// <summary>The dataflow of <paramref name="operation"/>: output-stationary when it streams the contraction, else the input the streamed dimension does not index stays.</summary>
    /// <remarks>
    /// The array streams the last reduction dimension of <c>compute_attributes</c>. When that dimension does not index the
    /// output, every PE keeps one output while the contraction streams; otherwise the operation's first input staying is
    /// input-stationary and any other weight-stationary (also the fallback when nothing is stated).
    /// </remarks>
    public static SystolicDataflow Of(OperationNode operation, Problem problem)
    {
        if (operation.Attributes.ReductionDimensions.Count == 0 || problem.FindOperation(operation.OperationName) is not { } op)
        {
            return SystolicDataflow.WeightStationary;
        }

        var streamed = operation.Attributes.ReductionDimensions[^1];
        if (!Indexes(op, problem.TensorId(op.Output), streamed))
        {
            return SystolicDataflow.OutputStationary;
        }

        for (var i = 0; i < op.Inputs.Count; i++)
        {
            if (!Indexes(op, problem.TensorId(op.Inputs[i]), streamed))
            {
                return i == 0 ? SystolicDataflow.InputStationary : SystolicDataflow.WeightStationary;
            }
        }

        return SystolicDataflow.WeightStationary;
    }

    /// <summary>Whether <paramref name="dimension"/> indexes some rank of the tensor in the operation's projection.</summary>
    private static bool Indexes(ProblemOperation op, int tensorId, int dimension) =>
        op.Projections.TryGetValue(tensorId, out var projection) && projection.Ranks.Any(rank => rank.Contains(dimension));
}
