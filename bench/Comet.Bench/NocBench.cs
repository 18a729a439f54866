using System.Globalization;
using System.Text.Json;

namespace Comet.Bench;

/// <summary>Comet's side of the BookSim2 comparison (docs/validation.md): zero-load latency by hop count and packet size, and accepted throughput against offered load for uniform random and hotspot traffic on 4×4 and 8×8 cut-through meshes.</summary>
public static class NocBench
{
    private const int HopLatency = 5;
    private const int SweepPacketFlits = 4;
    private static readonly int[] ZeroLoadPacketFlits = [1, 4, 16];

    /// <summary>Runs the group and returns the exit code: <c>noc [--json] [--quick]</c>.</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var quick = args.Contains("--quick");
        var (warmup, window) = quick ? (2_000L, 6_000L) : (10_000L, 30_000L);
        var zeroLoad = new List<Dictionary<string, object>>();
        var sweeps = new List<Dictionary<string, object?>>();
        var c = CultureInfo.InvariantCulture;

        foreach (var k in new[] { 4, 8 })
        {
            if (!json)
            {
                Console.WriteLine(string.Create(c, $"zero-load latency, {k}x{k}, hop {HopLatency} cycles (cycles, creation to tail ejected; BookSim's terminals add {HopLatency + 1})"));
                Console.WriteLine("| hops | " + string.Join(" | ", ZeroLoadPacketFlits.Select(f => $"{f} flit{(f > 1 ? "s" : "")}")) + " |");
                Console.WriteLine("|---:|" + string.Concat(ZeroLoadPacketFlits.Select(_ => "---:|")));
            }

            for (var h = 0; h <= 2 * (k - 1); h++)
            {
                var row = ZeroLoadPacketFlits.Select(f => new NocTraffic(k, f, HopLatency, []).ZeroLoadLatency(h)).ToArray();
                zeroLoad.Add(new Dictionary<string, object> { ["k"] = k, ["hops"] = h, ["latency"] = ZeroLoadPacketFlits.Zip(row).ToDictionary(p => p.First.ToString(c), p => (object)p.Second) });
                if (!json)
                {
                    Console.WriteLine(string.Create(c, $"| {h} | {string.Join(" | ", row)} |"));
                }
            }

            if (!json)
            {
                Console.WriteLine();
            }
        }

        foreach (var (k, pattern, hotspots, loads) in Sweeps())
        {
            if (!json)
            {
                Console.WriteLine(string.Create(c, $"{pattern}, {k}x{k}, {SweepPacketFlits}-flit packets (flits per node per cycle; latency in cycles); routers that allocate the next packet while the tail streams, and with BookSim's one-VC turnaround (input 2, output 1 cycles)"));
                Console.WriteLine("| offered | accepted | latency | accepted, 1-VC turnaround | latency, 1-VC turnaround | events |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            }

            foreach (var load in loads)
            {
                var free = new NocTraffic(k, SweepPacketFlits, HopLatency, hotspots).Run(load, warmup, window);
                var turnaround = new NocTraffic(k, SweepPacketFlits, HopLatency, hotspots, OneVcTurnaround: true).Run(load, warmup, window);
                sweeps.Add(new Dictionary<string, object?>
                {
                    ["k"] = k,
                    ["pattern"] = pattern,
                    ["offered"] = load,
                    ["accepted"] = Math.Round(free.Accepted, 4),
                    ["latency"] = Round(free.Latency),
                    ["accepted_one_vc"] = Math.Round(turnaround.Accepted, 4),
                    ["latency_one_vc"] = Round(turnaround.Latency),
                    ["events"] = free.Events,
                });
                if (!json)
                {
                    Console.WriteLine(string.Create(c, $"| {load:0.000} | {free.Accepted:0.000} | {free.Latency:0.0} | {turnaround.Accepted:0.000} | {turnaround.Latency:0.0} | {free.Events} |"));
                }
            }

            if (!json)
            {
                Console.WriteLine();
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["zero_load"] = zeroLoad, ["sweeps"] = sweeps }));
        }

        return 0;
    }

    // JSON has no NaN: a latency over no packet is written as null.
    private static object? Round(double latency) => double.IsNaN(latency) ? null : Math.Round(latency, 1);

    // The sweeps of docs/validation.md: uniform random traffic and four central hotspots, on 4×4 and 8×8.
    private static IEnumerable<(int K, string Pattern, int[] Hotspots, double[] Loads)> Sweeps()
    {
        yield return (4, "uniform", [], [0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.9]);
        yield return (8, "uniform", [], [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7]);
        yield return (4, "hotspot", [5, 6, 9, 10], [0.02, 0.05, 0.1, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3, 0.4]);
        yield return (8, "hotspot", [27, 28, 35, 36], [0.01, 0.02, 0.03, 0.04, 0.045, 0.05, 0.055, 0.06, 0.08, 0.1]);
    }
}
