namespace Comet.Hardware.Components;

/// <summary>Which operand a systolic array holds still in its processing elements while another streams through.</summary>
public enum SystolicDataflow
{
    /// <summary>The weights (second input) are preloaded row by row and stay; inputs stream, partial sums drain out.</summary>
    WeightStationary,

    /// <summary>The inputs (first input) are preloaded row by row and stay; weights stream, partial sums drain out.</summary>
    InputStationary,

    /// <summary>Each processing element accumulates one output in place while both inputs stream along the reduction.</summary>
    OutputStationary,
}
