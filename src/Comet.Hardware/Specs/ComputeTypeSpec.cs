namespace Comet.Hardware.Specs;

/// <summary>A compute type from arch.yaml's <c>ComputeTiles</c> list.</summary>
/// <param name="Name">The type name; it selects <see cref="Model"/>.</param>
/// <param name="Model">The latency model implied by the name.</param>
/// <param name="ComputeOpC">Parallel operations per cycle (parsed, unused by the model).</param>
/// <param name="ComputeLatency">Cycles per unit operation.</param>
/// <param name="StartupLatency">Cycles added once per tile primitive (GEMM).</param>
/// <param name="ComputeWidth">SIMD width in lanes (default 8; the key is case-sensitive).</param>
/// <param name="Capacity">Bytes of local storage (used by the capacity check).</param>
/// <param name="ComputeEnergyPj">Energy per tile primitive in pJ, stored as the tool's float.</param>
/// <param name="ArrayRows">Systolic array rows.</param>
/// <param name="ArrayCols">Systolic array columns.</param>
/// <param name="ArraysPerRow">Systolic arrays stacked along rows (<c>num_sa_rows</c>).</param>
/// <param name="ArraysPerCol">Systolic arrays stacked along columns (<c>num_sa_cols</c>).</param>
public sealed record ComputeTypeSpec(
    string Name,
    ComputeModel Model,
    long ComputeOpC,
    long ComputeLatency,
    long StartupLatency,
    long ComputeWidth,
    long Capacity,
    float ComputeEnergyPj,
    long ArrayRows,
    long ArrayCols,
    long ArraysPerRow,
    long ArraysPerCol);
