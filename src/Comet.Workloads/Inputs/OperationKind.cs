namespace Comet.Workloads.Inputs;

/// <summary>The kind of a compute operation (also used for collective reduction operators).</summary>
public enum OperationKind
{
    /// <summary>No operation (plain data movement).</summary>
    None = 0,

    /// <summary>Matrix multiply.</summary>
    Gemm = 1,

    /// <summary>Softmax (monolithic).</summary>
    Softmax = 2,

    /// <summary>Convolution.</summary>
    Convolution = 3,

    /// <summary>Element-wise max.</summary>
    Max = 4,

    /// <summary>Exponential.</summary>
    Exp = 6,

    /// <summary>Division.</summary>
    Div = 7,

    /// <summary>Multiplication.</summary>
    Mult = 8,

    /// <summary>Square root.</summary>
    Sqrt = 9,

    /// <summary>Addition.</summary>
    Add = 10,

    /// <summary>Row sum.</summary>
    RowSum = 11,

    /// <summary>Row max.</summary>
    RowMax = 12,

    /// <summary>Subtraction (an add with the second operand negated: the SIMD add's latency and energy).</summary>
    Sub = 13,
}
