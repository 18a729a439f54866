using Comet.Hardware.Components;
using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>Cycles for one tile primitive on each compute model (reference-model §6).</summary>
public static class ComputeLatency
{
    /// <summary>Dispatches on the compute model of <paramref name="spec"/>.</summary>
    public static long Cycles(ComputeTypeSpec spec, IReadOnlyList<DimensionValue> tilePrimitive, ComputeAttributes attributes, OperationKind op) => spec.Model switch
    {
        ComputeModel.Gemm => Gemm(spec, tilePrimitive, attributes),
        ComputeModel.SystolicArray => SystolicArray(spec, tilePrimitive, attributes),
        ComputeModel.Vsimd => Vsimd(spec, tilePrimitive, attributes, op),
        ComputeModel.Mac => spec.ComputeLatency,
        ComputeModel.IntMac => Volume(tilePrimitive) * spec.ComputeLatency,
        _ => throw new InvalidOperationException($"compute type '{spec.Name}' has no latency model"),
    };

    /// <summary>GEMM: startup + extra(specd∧rmw: q=R/256 → 16:+16, 8:+12, 4:+8, 2:+6) + ⌊ΠTP/512⌋·latency; a TP without 3 dims costs latency.</summary>
    public static long Gemm(ComputeTypeSpec spec, IReadOnlyList<DimensionValue> tilePrimitive, ComputeAttributes attributes)
    {
        if (tilePrimitive.Count != 3)
        {
            return spec.ComputeLatency;
        }

        var latency = spec.StartupLatency;
        if (attributes.Speculative && attributes.ReadModifyWrite && attributes.ReductionDimensions.Count > 0)
        {
            var q = (uint)attributes.FactorOf(attributes.ReductionDimensions[0]) / 256u;
            latency += GemmAccumulation.Cycles(q); // the tool divides as uint; the simulator's GemmPrimitiveOf as long (equal for factors below 2^31)
        }

        return latency + (Volume(tilePrimitive) / 512) * spec.ComputeLatency;
    }

    /// <summary>Systolic array: fold(v0 over rows·saRows, v1 over cols·saCols) × (2·rows + cols + T − 2), T = factor of the last reduction dim, removed once from the TP.</summary>
    public static long SystolicArray(ComputeTypeSpec spec, IReadOnlyList<DimensionValue> tilePrimitive, ComputeAttributes attributes)
    {
        if (attributes.ReductionDimensions.Count == 0)
        {
            throw new InvalidOperationException("a SystolicArray operation needs compute_attributes with a reduction dimension");
        }

        var t = attributes.FactorOf(attributes.ReductionDimensions[^1]);
        var baseLatency = 2 * spec.ArrayRows + spec.ArrayCols + t - 2;
        var values = tilePrimitive.Select(d => d.Value).ToList();
        var at = values.IndexOf(t);
        if (at < 0)
        {
            throw new InvalidOperationException($"the systolic array's reduction factor {t} is not a tile-primitive size");
        }

        values.RemoveAt(at);
        long fold = 1;
        for (var i = 0; i < values.Count && i < 2; i++)
        {
            var lanes = i == 0 ? spec.ArrayRows * spec.ArraysPerRow : spec.ArrayCols * spec.ArraysPerCol;
            fold *= (long)Math.Ceiling((double)values[i] / lanes);
        }

        return fold * baseLatency;
    }

    /// <summary>VSIMD: c_op · ⌈ΠTP / (width · Π reduction factors)⌉, c_op from <see cref="SimdOperationCost.LatencyCycles"/>.</summary>
    public static long Vsimd(ComputeTypeSpec spec, IReadOnlyList<DimensionValue> tilePrimitive, ComputeAttributes attributes, OperationKind op)
    {
        var cycles = SimdOperationCost.LatencyCycles(OperationKinds.Simd(op), spec.ComputeWidth);
        var reduction = 1f;
        foreach (var d in attributes.ReductionDimensions)
        {
            reduction *= attributes.FactorOf(d);
        }

        var instructions = Math.Ceiling(Volume(tilePrimitive) / ((float)spec.ComputeWidth * reduction));
        return (long)(cycles * (double)instructions);
    }

    /// <summary>Energy of one systolic-array tile primitive: ΠTP · 0.2296 pJ, kept as float.</summary>
    public static float SystolicArrayEnergy(IReadOnlyList<DimensionValue> tilePrimitive) => (float)(Volume(tilePrimitive) * 0.2296);

    /// <summary>Energy per lane of one VSIMD instruction (pJ), the shared table in single precision as the tool keeps it.</summary>
    public static float VsimdOperationEnergy(OperationKind op, long width) => (float)SimdOperationCost.PicojoulesPerLane(OperationKinds.Simd(op), width);

    /// <summary>Product of the tile primitive's sizes.</summary>
    public static long Volume(IReadOnlyList<DimensionValue> tilePrimitive)
    {
        long p = 1;
        foreach (var d in tilePrimitive)
        {
            p *= d.Value;
        }

        return p;
    }
}
