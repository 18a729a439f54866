using Comet.Hardware.Components;

namespace Comet.Workloads.Inputs;

/// <summary>The SIMD operation that executes each element-wise operation kind (exhaustive: a kind a SIMD unit cannot run is an error, never a silent add).</summary>
public static class SimdOperations
{
    /// <summary>The SIMD operation for <paramref name="kind"/>; GEMM, convolution and no-op have none.</summary>
    public static SimdOperation Of(OperationKind kind) => kind switch
    {
        OperationKind.Softmax => SimdOperation.Softmax,
        OperationKind.Max => SimdOperation.Max,
        OperationKind.Exp => SimdOperation.Exp,
        OperationKind.Div => SimdOperation.Div,
        OperationKind.Mult => SimdOperation.Mult,
        OperationKind.Sqrt => SimdOperation.Sqrt,
        OperationKind.Add => SimdOperation.Add,
        OperationKind.RowSum => SimdOperation.RowSum,
        OperationKind.RowMax => SimdOperation.RowMax,
        OperationKind.None or OperationKind.Gemm or OperationKind.Convolution => throw new InvalidOperationException($"operation {kind} is not supported on VSIMD"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an operation kind without a SIMD mapping"),
    };
}
