namespace Comet.Hardware.Components;

/// <summary>The shape of one tile primitive as a GEMM engine sees it.</summary>
/// <param name="Macs">Multiply-accumulates in the primitive (the product of its extents).</param>
/// <param name="Dimensions">Number of loop dimensions of the primitive (a MAC array times 3-dim GEMMs by waves).</param>
/// <param name="StreamLength">Extent streamed through a systolic array per fold (the reduction length).</param>
/// <param name="RowExtent">Extent folded over the array's rows.</param>
/// <param name="ColumnExtent">Extent folded over the array's columns.</param>
/// <param name="InPlaceAccumulationFactor">Partial sums accumulated in place per output (0 when the tile does not accumulate in place).</param>
/// <param name="Dataflow">Which operand a systolic array keeps stationary (weight-stationary unless the mapping streams the reduction).</param>
public sealed record GemmPrimitive(long Macs, int Dimensions, long StreamLength, long RowExtent, long ColumnExtent, long InPlaceAccumulationFactor = 0, SystolicDataflow Dataflow = SystolicDataflow.WeightStationary);
