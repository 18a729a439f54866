namespace Comet.Hardware.Components;

/// <summary>Operations a SIMD unit executes.</summary>
public enum SimdOperation
{
    /// <summary>Element-wise add (and subtract).</summary>
    Add,

    /// <summary>Element-wise multiply.</summary>
    Mult,

    /// <summary>Element-wise divide.</summary>
    Div,

    /// <summary>Element-wise exponential.</summary>
    Exp,

    /// <summary>Element-wise maximum.</summary>
    Max,

    /// <summary>Element-wise square root.</summary>
    Sqrt,

    /// <summary>Fused softmax step.</summary>
    Softmax,

    /// <summary>Row sum (a reduction tree over the lanes).</summary>
    RowSum,

    /// <summary>Row maximum (a reduction tree over the lanes).</summary>
    RowMax,
}
