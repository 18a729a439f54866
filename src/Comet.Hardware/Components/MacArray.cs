using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A MAC-array GEMM engine: start-up, an in-place accumulation pass, then ⌊MACs ÷ wave⌋ waves of the op latency.</summary>
public sealed class MacArray : GemmEngine
{
    /// <summary>Creates instance <paramref name="instance"/> of the array.</summary>
    public MacArray(Simulation sim, MacArrayParameters parameters, EnergyLedger ledger, int instance)
        : base(sim, parameters.Name, instance, ledger, parameters.PicojoulesPerPrimitive)
    {
        Parameters = parameters;
    }

    /// <summary>The array's parameters.</summary>
    public MacArrayParameters Parameters { get; }

    /// <inheritdoc />
    public override long PrimitiveCycles(GemmPrimitive primitive)
    {
        // A MAC model (no waves) and COMET's GEMM model for non-3-D primitives take the op latency per primitive.
        if (Parameters.MacsPerWave <= 0 || primitive.Dimensions != 3)
        {
            return Parameters.OpLatencyCycles;
        }

        var waves = primitive.Macs / Math.Max(1, Parameters.MacsPerWave);
        return Parameters.StartupLatencyCycles + GemmAccumulation.Cycles(primitive.InPlaceAccumulationFactor) + waves * Parameters.OpLatencyCycles;
    }

    /// <inheritdoc />
    protected override long EnergyUnits(GemmPrimitive primitive) => 1;
}
