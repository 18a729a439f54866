using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A systolic GEMM engine: per fold, a wavefront fills the rows, streams the reduction, and drains.</summary>
public sealed class SystolicArray : GemmEngine
{
    /// <summary>Creates instance <paramref name="instance"/> of the engine.</summary>
    public SystolicArray(Simulation sim, SystolicArrayParameters parameters, EnergyLedger ledger, int instance)
        : base(sim, parameters.Name, instance, ledger, parameters.PicojoulesPerMac)
    {
        Parameters = parameters;
    }

    /// <summary>The engine's parameters.</summary>
    public SystolicArrayParameters Parameters { get; }

    /// <summary>Folds needed: ⌈rows extent ÷ (rows·arrays)⌉ · ⌈column extent ÷ (cols·arrays)⌉.</summary>
    public long Folds(GemmPrimitive p) =>
        Cycles.CeilDiv(Math.Max(1, p.RowExtent), Parameters.Rows * Parameters.ArraysAlongRows)
        * Cycles.CeilDiv(Math.Max(1, p.ColumnExtent), Parameters.Columns * Parameters.ArraysAlongColumns);

    /// <summary>Cycles of one fold: fill (rows) + stream (T) + drain (rows + cols − 2).</summary>
    public long FoldCycles(GemmPrimitive p)
    {
        var fill = Parameters.Rows;
        var stream = p.StreamLength;
        var drain = Parameters.Rows + Parameters.Columns - 2;
        return fill + stream + drain;
    }

    /// <inheritdoc />
    public override long PrimitiveCycles(GemmPrimitive primitive) => Parameters.StartupLatencyCycles + Folds(primitive) * FoldCycles(primitive);

    /// <inheritdoc />
    protected override long EnergyUnits(GemmPrimitive primitive) => primitive.Macs;
}
