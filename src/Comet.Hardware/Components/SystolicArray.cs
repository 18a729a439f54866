using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A systolic GEMM engine: per fold, the stationary operand is preloaded (weight/input stationary), the third streams through, and the results drain.</summary>
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

    /// <summary>Cycles of one fold under the primitive's dataflow (<see cref="GemmPrimitive.Dataflow"/>).</summary>
    public long FoldCycles(GemmPrimitive p) => p.Dataflow == SystolicDataflow.OutputStationary
        ? OutputStationaryFoldCycles(Parameters.Rows, Parameters.Columns, p.StreamLength)
        : StationaryOperandFoldCycles(Parameters.Rows, Parameters.Columns, p.StreamLength);

    /// <summary>Weight- or input-stationary fold: preload (R) + stream (T) + skewed drain (R + C − 2) = 2R + C + T − 2.</summary>
    public static long StationaryOperandFoldCycles(long rows, long columns, long stream)
    {
        // The stationary operand enters one row per cycle before the first streamed element can meet it.
        var preload = rows;
        var drain = rows + columns - 2;
        return preload + stream + drain;
    }

    /// <summary>Output-stationary fold: stream (T) + skew across rows (R − 1) and columns (C − 1) = R + C + T − 2.</summary>
    public static long OutputStationaryFoldCycles(long rows, long columns, long stream)
    {
        // Nothing is preloaded: both operands enter skewed at the array's edges, and each PE's finished sum shifts out
        // while the next fold's operands stream in, so no separate drain is paid per fold.
        return stream + (rows - 1) + (columns - 1);
    }

    /// <inheritdoc />
    public override long PrimitiveCycles(GemmPrimitive primitive) => Parameters.StartupLatencyCycles + Folds(primitive) * FoldCycles(primitive);

    /// <inheritdoc />
    protected override long EnergyUnits(GemmPrimitive primitive) => primitive.Macs;
}
