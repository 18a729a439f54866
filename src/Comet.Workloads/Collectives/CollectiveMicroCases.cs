using System.Globalization;
using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Micro;
using Comet.Sim;

namespace Comet.Workloads.Collectives;

/// <summary>The collective micro cases: every algorithm alone on idle 2×2, 4×4 and 1×16 meshes against its textbook α-β-γ cost (Thakur, Rabenseifner and Gropp 2005), and the direct (root-centric) schedules that must take longer than their contention-free form.</summary>
/// <remarks>
/// Each participant holds n = 64 KiB (32 768 two-byte elements) in a buffer with 256 B/cycle link ports; the mesh is
/// the cloud example's (hop h = 5 cycles, 2048-bit channels every 2 cycles: β = 1/128 cycle per byte, 256 B/cycle
/// router ports, 1 KiB packets, cut-through); every participant combines on its own 64-lane SIMD unit (add: 1 cycle
/// a pass, γ = 1/64 cycle per element). A step's α is its hop latency H·h plus its port hold ⌈bytes ÷ P⌉ (P = 256):
/// the ports stream, then the packets cross, then the SIMD unit combines. Ring steps on 2×2 and 4×4 follow a
/// Hamiltonian cycle (H = 1); on 1×16 the folded snake (H = 2); 2d rings along a row or column of 4 are folded
/// lines (H = 2).
/// </remarks>
public static class CollectiveMicroCases
{
    /// <summary>Bytes each participant holds.</summary>
    public const long Bytes = 65536;

    /// <summary>Elements each participant holds (two bytes each).</summary>
    public const long Elements = Bytes / 2;

    /// <summary>Hop latency h, cycles.</summary>
    public const long HopCycles = 5;

    /// <summary>Link rate 1/β, bytes per cycle (2048 bits every 2 cycles).</summary>
    public const long LinkBytesPerCycle = 128;

    /// <summary>Buffer link ports and router ports P, bytes per cycle.</summary>
    public const long PortBytesPerCycle = 256;

    /// <summary>SIMD lanes (one add pass of 1 cycle combines this many elements: γ = 1/64).</summary>
    public const long Lanes = 64;

    /// <summary>The meshes every algorithm runs on: X × Y.</summary>
    public static IReadOnlyList<(int X, int Y)> Meshes { get; } = [(2, 2), (4, 4), (1, 16)];

    /// <summary>Runs every collective micro case.</summary>
    public static IReadOnlyList<MicroCase> All()
    {
        var cases = new List<MicroCase>();
        foreach (var (x, y) in Meshes)
        {
            cases.AddRange(OnMesh(x, y));
        }

        return cases;
    }

    private static IEnumerable<MicroCase> OnMesh(int x, int y)
    {
        var p = x * y;
        var mesh = $"{x}x{y}";
        var ringHops = x >= 2 && y >= 2 ? 1 : 2;
        var c = Bytes / p;

        // Ring (Thakur et al. §4: all-reduce = reduce-scatter + all-gather, p−1 steps each).
        yield return Case($"allreduce-ring-{mesh}", CollectiveAlgorithm.AllReduce, CollectiveAlgorithmChoice.Ring, x, y, false,
            $"2(p−1)(α + ⌈(n/p)β⌉) + (p−1)⌈(n/p)γ⌉, α = H·h + ⌈(n/p)/P⌉: 2·{p - 1}·({Alpha(ringHops, c)} + {Beta(c)}) + {p - 1}·{Gamma(c)}",
            (2 * (p - 1) * (Alpha(ringHops, c) + Beta(c))) + ((p - 1) * Gamma(c)));
        yield return Case($"allgather-ring-{mesh}", CollectiveAlgorithm.AllGather, CollectiveAlgorithmChoice.Ring, x, y, false,
            $"(p−1)(α + ⌈nβ⌉), α = H·h + ⌈n/P⌉: {p - 1}·({Alpha(ringHops, Bytes)} + {Beta(Bytes)})",
            (p - 1) * (Alpha(ringHops, Bytes) + Beta(Bytes)));
        yield return Case($"reducescatter-ring-{mesh}", CollectiveAlgorithm.ReduceScatter, CollectiveAlgorithmChoice.Ring, x, y, false,
            $"(p−1)(α + ⌈(n/p)β⌉ + ⌈(n/p)γ⌉), α = H·h + ⌈(n/p)/P⌉: {p - 1}·({Alpha(ringHops, c)} + {Beta(c)} + {Gamma(c)})",
            (p - 1) * (Alpha(ringHops, c) + Beta(c) + Gamma(c)));

        // 2d: rings along the rows (X members), then the columns (Y members); a line of 2 is one hop, longer lines are folded (2 hops).
        var rowHops = x > 2 ? 2 : 1;
        var columnHops = y > 2 ? 2 : 1;
        var c1 = Bytes / x;
        var c2 = c1 / y;
        yield return Case($"allreduce-2d-{mesh}", CollectiveAlgorithm.AllReduce, CollectiveAlgorithmChoice.TwoD, x, y, false,
            $"2(X−1)(α_r + ⌈(n/X)β⌉) + (X−1)⌈(n/X)γ⌉ + 2(Y−1)(α_c + ⌈(n/XY)β⌉) + (Y−1)⌈(n/XY)γ⌉: 2·{x - 1}·({Alpha(rowHops, c1)} + {Beta(c1)}) + {x - 1}·{Gamma(c1)} + 2·{y - 1}·({Alpha(columnHops, c2)} + {Beta(c2)}) + {y - 1}·{Gamma(c2)}",
            (2 * (x - 1) * (Alpha(rowHops, c1) + Beta(c1))) + ((x - 1) * Gamma(c1)) + (2 * (y - 1) * (Alpha(columnHops, c2) + Beta(c2))) + ((y - 1) * Gamma(c2)));
        yield return Case($"allgather-2d-{mesh}", CollectiveAlgorithm.AllGather, CollectiveAlgorithmChoice.TwoD, x, y, false,
            $"(X−1)(α_r + ⌈nβ⌉) + (Y−1)(α_c + ⌈Xnβ⌉): {x - 1}·({Alpha(rowHops, Bytes)} + {Beta(Bytes)}) + {y - 1}·({Alpha(columnHops, x * Bytes)} + {Beta(x * Bytes)})",
            ((x - 1) * (Alpha(rowHops, Bytes) + Beta(Bytes))) + ((y - 1) * (Alpha(columnHops, x * Bytes) + Beta(x * Bytes))));
        yield return Case($"reducescatter-2d-{mesh}", CollectiveAlgorithm.ReduceScatter, CollectiveAlgorithmChoice.TwoD, x, y, false,
            $"(X−1)(α_r + ⌈(n/X)β⌉ + ⌈(n/X)γ⌉) + (Y−1)(α_c + ⌈(n/XY)β⌉ + ⌈(n/XY)γ⌉): {x - 1}·({Alpha(rowHops, c1)} + {Beta(c1)} + {Gamma(c1)}) + {y - 1}·({Alpha(columnHops, c2)} + {Beta(c2)} + {Gamma(c2)})",
            ((x - 1) * (Alpha(rowHops, c1) + Beta(c1) + Gamma(c1))) + ((y - 1) * (Alpha(columnHops, c2) + Beta(c2) + Gamma(c2))));

        // Trees: ⌈log2 p⌉ rounds; participants row-major, so a round of distance d spans d hops along X, or d/X along Y.
        var down = BroadcastRoundHops(x, p);
        var up = down.AsEnumerable().Reverse().ToArray();
        var port = Cycles.CeilDiv(Bytes, PortBytesPerCycle);
        yield return Case($"broadcast-binomial-{mesh}", CollectiveAlgorithm.Broadcast, CollectiveAlgorithmChoice.Binomial, x, y, false,
            $"Σ_rounds (H_k·h + ⌈n/P⌉ + ⌈nβ⌉) = ⌈log2 p⌉(⌈n/P⌉ + ⌈nβ⌉) + h·ΣH_k, H = [{string.Join(", ", down)}]: {down.Length}·({port} + {Beta(Bytes)}) + {HopCycles}·{down.Sum()}",
            (down.Length * (port + Beta(Bytes))) + (HopCycles * down.Sum()));
        yield return Case($"reduce-tree-{mesh}", CollectiveAlgorithm.Reduce, CollectiveAlgorithmChoice.Tree, x, y, false,
            $"Σ_rounds (H_k·h + ⌈n/P⌉ + ⌈nβ⌉ + ⌈nγ⌉), H = [{string.Join(", ", up)}]: {up.Length}·({port} + {Beta(Bytes)} + {Gamma(Bytes)}) + {HopCycles}·{up.Sum()}",
            (up.Length * (port + Beta(Bytes) + Gamma(Bytes))) + (HopCycles * up.Sum()));
        var diameter = (x - 1) + (y - 1);
        yield return Case($"broadcast-multicast-{mesh}", CollectiveAlgorithm.Broadcast, CollectiveAlgorithmChoice.Multicast, x, y, true,
            $"⌈n/P⌉ + D·h + ⌈nβ⌉ (one tree, farthest leaf D hops): {port} + {diameter}·{HopCycles} + {Beta(Bytes)}",
            port + (diameter * HopCycles) + Beta(Bytes));

        // Direct (COMET's root-centric schedule): every tile enters the root through one ejection port, so it must take longer than its contention-free form.
        var rootWrite = Cycles.CeilDiv((p - 1) * Bytes, PortBytesPerCycle);
        var reduceFree = rootWrite + (diameter * HopCycles) + Beta(Bytes) + Gamma((p - 1) * Bytes);
        yield return Case($"contention-allreduce-direct-{mesh}", CollectiveAlgorithm.AllReduce, CollectiveAlgorithmChoice.Direct, x, y, true,
            $"contention-free: ⌈(p−1)n/P⌉ + D·h + ⌈nβ⌉ + ⌈(p−1)nγ⌉ + ⌈n/P⌉ + D·h + ⌈nβ⌉ = {rootWrite} + {diameter}·{HopCycles} + {Beta(Bytes)} + {Gamma((p - 1) * Bytes)} + {port} + {diameter}·{HopCycles} + {Beta(Bytes)}",
            reduceFree + port + (diameter * HopCycles) + Beta(Bytes));
    }

    /// <summary>α of a step: H hops of h, plus the port hold of <paramref name="bytes"/>.</summary>
    private static long Alpha(long hops, long bytes) => (hops * HopCycles) + Cycles.CeilDiv(bytes, PortBytesPerCycle);

    /// <summary>⌈bytes·β⌉: the link serialization of <paramref name="bytes"/>.</summary>
    private static long Beta(long bytes) => Cycles.CeilDiv(bytes, LinkBytesPerCycle);

    /// <summary>⌈elements·γ⌉ for the elements of <paramref name="bytes"/>: one 1-cycle add pass per 64 elements.</summary>
    private static long Gamma(long bytes) => Cycles.CeilDiv(bytes / 2, Lanes);

    /// <summary>Hops of the broadcast rounds (distance p/2 first), participants row-major on an X-wide mesh.</summary>
    private static long[] BroadcastRoundHops(int x, int p)
    {
        var hops = new List<long>();
        for (var d = BinomialTree.HighestPowerOfTwoBelow(p); d >= 1; d /= 2)
        {
            hops.Add(d % x == 0 ? d / x : d);
        }

        return [.. hops];
    }

    private static MicroCase Case(string name, CollectiveAlgorithm algorithm, CollectiveAlgorithmChoice choice, int x, int y, bool broadcastSupport, FormattableString formula, long expected) =>
        new(name, formula.ToString(CultureInfo.InvariantCulture), expected, Simulate(algorithm, choice, x, y, broadcastSupport));

    /// <summary>Runs <paramref name="algorithm"/> by <paramref name="choice"/> on an idle X×Y mesh of the parameters above and returns when it ends.</summary>
    public static long Simulate(CollectiveAlgorithm algorithm, CollectiveAlgorithmChoice choice, int x, int y, bool broadcastSupport)
    {
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var p = x * y;
        var buffer = new BufferParameters("GBuffer", 64 * Bytes, 512, 1, 2048, 2048, 2048, 2048, PortBytesPerCycle, PortBytesPerCycle);
        var buffers = Enumerable.Range(0, p).Select(i => new SramBuffer(sim, buffer, ledger, i)).ToArray();
        var simds = Enumerable.Range(0, p).Select(i => new SimdUnit(sim, new SimdParameters("VSIMD", Lanes), ledger, i)).ToArray();
        var mesh = new MeshNoc(sim, new MeshParameters("GBuffer.link", "GB", x, y, HopCycles, 2048, 2, PortBytesPerCycle, broadcastSupport, Switching: MeshSwitching.CutThrough, PacketBytes: 1024), ledger);
        var schedule = CollectiveAlgorithms.Build(algorithm, choice, CollectiveLayout.OneMesh(p, x), Bytes, Elements, broadcastSupport, false);
        sim.Process(CollectiveExecutor.Run(sim, schedule, buffers, mesh, ActivityLabel.None, SimdOperation.Add, i => simds[i]), "collective");
        sim.Run();
        return sim.Now;
    }
}
