using System.Globalization;
using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Micro;

/// <summary>The engines' micro cases: one tile on each engine class, alone on an idle engine, against the closed form the docs give for it.</summary>
/// <remarks>
/// The MAC array runs the example's GEMM primitive (start-up + accumulation pass + ⌊MACs ÷ 512⌋ waves). The systolic
/// array runs one GEMM per dataflow, placed as SCALE-Sim v3 places it (docs/validation.md: WS rows K, columns N,
/// streams M; IS rows K, columns M, streams N; OS rows M, columns N, streams K), so each expected figure is also a
/// SCALE-Sim v3 "Total Cycles + 1" of that table. The SIMD unit runs one tile of every operation.
/// </remarks>
public static class EngineMicroCases
{
    /// <summary>Lanes of the SIMD unit the SIMD cases run on.</summary>
    public const long SimdLanes = 16;

    /// <summary>Elements of the SIMD tile (64 × 64).</summary>
    public const long SimdElements = 4096;

    /// <summary>Elements a row reduction folds into one result (the tile's row length).</summary>
    public const long SimdRowLength = 64;

    /// <summary>Runs every engine micro case.</summary>
    public static IReadOnlyList<MicroCase> All()
    {
        var cases = new List<MicroCase>
        {
            MacArrayCase(),
            SystolicCase("engine-systolic-weight-stationary", SystolicDataflow.WeightStationary, rows: 16, columns: 16, m: 64, n: 64, k: 64),
            SystolicCase("engine-systolic-input-stationary", SystolicDataflow.InputStationary, rows: 32, columns: 64, m: 100, n: 50, k: 70),
            SystolicCase("engine-systolic-output-stationary", SystolicDataflow.OutputStationary, rows: 16, columns: 16, m: 33, n: 65, k: 17),
        };
        cases.AddRange(Enum.GetValues<SimdOperation>().Select(SimdCase));
        return cases;
    }

    /// <summary>Systolic fold under <paramref name="dataflow"/>: output-stationary R + C + T − 2 (drain hidden under the next fold), else 2R + C + T − 2.</summary>
    public static long SystolicFoldClosedForm(SystolicDataflow dataflow, long rows, long columns, long stream) =>
        dataflow == SystolicDataflow.OutputStationary ? rows + columns + stream - 2 : (2 * rows) + columns + stream - 2;

    private static MicroCase MacArrayCase()
    {
        // The example's macengine: 512 MACs per wave, 2 cycles a wave, 16 start-up; a 4×64×1024 primitive with 4 partial sums in place.
        const long wave = 512, latency = 2, startup = 16, macs = 4 * 64 * 1024, partials = 4;
        var accumulation = GemmAccumulation.Cycles(partials);
        var expected = startup + accumulation + (macs / wave * latency);
        var sim = new Simulation();
        var engine = new MacArray(sim, new MacArrayParameters("macengine", wave, latency, startup), new EnergyLedger(), 0);
        var primitive = new GemmPrimitive(macs, 3, 1024, 1024, 64, InPlaceAccumulationFactor: partials);
        var simulated = Finish(sim, engine.Compute(sim, ActivityLabel.None, primitive));
        return new MicroCase("engine-mac-array-gemm", Text($"S + acc({partials}) + ⌊MACs/512⌋·L = {startup} + {accumulation} + ⌊{macs}/{wave}⌋·{latency}"), expected, simulated);
    }

    private static MicroCase SystolicCase(string name, SystolicDataflow dataflow, long rows, long columns, long m, long n, long k)
    {
        // SCALE-Sim's placement: which GEMM extents fold over the rows and columns and which one streams.
        var (rowExtent, columnExtent, stream) = dataflow switch
        {
            SystolicDataflow.WeightStationary => (k, n, m),
            SystolicDataflow.InputStationary => (k, m, n),
            _ => (m, n, k),
        };
        var folds = CeilDiv(rowExtent, rows) * CeilDiv(columnExtent, columns);
        var expected = folds * SystolicFoldClosedForm(dataflow, rows, columns, stream);
        var sim = new Simulation();
        var engine = new SystolicArray(sim, new SystolicArrayParameters("GEMMEngine", rows, columns), new EnergyLedger(), 0);
        var primitive = new GemmPrimitive(m * n * k, 3, stream, rowExtent, columnExtent, Dataflow: dataflow);
        var simulated = Finish(sim, engine.Compute(sim, ActivityLabel.None, primitive));
        var fold = dataflow == SystolicDataflow.OutputStationary
            ? Text($"(R + C + T − 2) = ⌈{rowExtent}/{rows}⌉·⌈{columnExtent}/{columns}⌉·({rows} + {columns} + {stream} − 2)")
            : Text($"(2R + C + T − 2) = ⌈{rowExtent}/{rows}⌉·⌈{columnExtent}/{columns}⌉·(2·{rows} + {columns} + {stream} − 2)");
        return new MicroCase(name, Text($"GEMM {m}×{n}×{k} on {rows}×{columns}: folds·") + fold, expected, simulated);
    }

    private static MicroCase SimdCase(SimdOperation op)
    {
        var reduction = op is SimdOperation.RowSum or SimdOperation.RowMax ? SimdRowLength : 1;
        var latency = SimdOperationCost.LatencyCycles(op, SimdLanes);
        var expected = latency * CeilDiv(SimdElements, SimdLanes * reduction);
        var sim = new Simulation();
        var unit = new SimdUnit(sim, new SimdParameters("simd", SimdLanes), new EnergyLedger(), 0);
        var simulated = Finish(sim, unit.Execute(sim, ActivityLabel.None, op, SimdElements, reduction));
        var name = op.ToString().ToLowerInvariant();
        var formula = reduction > 1
            ? Text($"⌈log2 lanes⌉·⌈E/(lanes·row)⌉ = {latency}·⌈{SimdElements}/({SimdLanes}·{reduction})⌉")
            : Text($"latency·⌈E/lanes⌉ = {latency}·⌈{SimdElements}/{SimdLanes}⌉");
        return new MicroCase("engine-simd-" + name, formula, expected, simulated);
    }

    private static long Finish(Simulation sim, IEnumerable<Event> body)
    {
        sim.Process(body, "tile");
        sim.Run();
        return sim.Now;
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
