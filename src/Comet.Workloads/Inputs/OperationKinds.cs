using Comet.Hardware.Components;

namespace Comet.Workloads.Inputs;

/// <summary>How mapping.yaml spells each operation kind and which SIMD operation an element-wise kind runs: the one table a new operation is added to.</summary>
public static class OperationKinds
{
    // The spelling (lower case), the kind, and the SIMD operation it runs (null: it runs on a GEMM engine or nowhere).
    private static readonly (string Name, OperationKind Kind, SimdOperation? Simd)[] Table =
    [
        ("gemm", OperationKind.Gemm, null),
        ("convolution", OperationKind.Convolution, null),
        ("softmax", OperationKind.Softmax, SimdOperation.Softmax),
        ("max", OperationKind.Max, SimdOperation.Max),
        ("exp", OperationKind.Exp, SimdOperation.Exp),
        ("div", OperationKind.Div, SimdOperation.Div),
        ("add", OperationKind.Add, SimdOperation.Add),
        ("mult", OperationKind.Mult, SimdOperation.Mult),
        ("sqrt", OperationKind.Sqrt, SimdOperation.Sqrt),
        ("rowsum", OperationKind.RowSum, SimdOperation.RowSum),
        ("rowmax", OperationKind.RowMax, SimdOperation.RowMax),
        ("sub", OperationKind.Sub, SimdOperation.Add),
    ];

    /// <summary>Every spelling an operation node's <c>type</c> may take, in table order.</summary>
    public static IEnumerable<string> Names => Table.Select(row => row.Name);

    /// <summary>The kind spelled <paramref name="name"/> (any case), or false when no kind is spelled so.</summary>
    public static bool TryParse(string name, out OperationKind kind)
    {
        foreach (var row in Table)
        {
            if (row.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = OperationKind.None;
        return false;
    }

    /// <summary>The SIMD operation that executes <paramref name="kind"/> (exhaustive: a kind a SIMD unit cannot run is an error, never a silent add).</summary>
    public static SimdOperation Simd(OperationKind kind)
    {
        foreach (var row in Table)
        {
            if (row.Kind == kind)
            {
                return row.Simd ?? throw new InvalidOperationException($"operation {kind} is not supported on VSIMD");
            }
        }

        throw new InvalidOperationException($"operation {kind} is not supported on VSIMD");
    }
}
