using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Bench;

/// <summary>Synthetic traffic on one cut-through mesh, measured as BookSim2 measures it: Bernoulli injection into a FIFO source queue per node, accepted throughput and packet latency over a window after a warm-up.</summary>
/// <param name="K">Routers per side (K×K mesh).</param>
/// <param name="PacketFlits">Flits per packet (a flit is one channel width).</param>
/// <param name="HopLatency">Cycles per hop: router pipeline plus link (BookSim: routing, VC and switch allocation, switch traversal, link: 5).</param>
/// <param name="Hotspots">Destination routers of hotspot traffic (uniform among them), or empty for uniform random traffic over all routers.</param>
/// <param name="OneVcTurnaround">Model BookSim's one-VC router allocating a packet only once the previous tail has left (input turnaround 2, output turnaround 1); false: the next packet is allocated while the tail streams.</param>
public sealed record NocTraffic(int K, int PacketFlits, int HopLatency, IReadOnlyList<int> Hotspots, bool OneVcTurnaround = false)
{
    /// <summary>Bits per flit (one channel width, streamed at one flit per cycle).</summary>
    public const int FlitBits = 2048;

    /// <summary>Cycles BookSim's packet latency counts beyond Comet's router-to-router mesh: the destination router's pipeline and ejection channel (one more hop) and the injection channel (one cycle).</summary>
    public long TerminalCycles => HopLatency + 1;

    /// <summary>The mesh: K×K, XY routing, cut-through, one flit per cycle on every link and local port, a node's packets for itself ejected through its router (as BookSim's terminals do).</summary>
    public MeshParameters Mesh => new("noc", "n", K, K, HopLatency, FlitBits, QueuingDelay: 0, PortBytesPerCycle: FlitBits / 8, Switching: MeshSwitching.CutThrough, PacketBytes: (long)PacketFlits * FlitBits / 8, LocalTrafficThroughRouter: true, OutputTurnaroundCycles: OneVcTurnaround ? 1 : 0, InputTurnaroundCycles: OneVcTurnaround ? 2 : 0);

    /// <summary>Latency of one packet alone from router (0,0) to a router <paramref name="hops"/> hops away, in BookSim's terms (creation to tail ejected).</summary>
    public long ZeroLoadLatency(int hops)
    {
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, Mesh, new EnergyLedger());
        var to = new MeshNode(Math.Min(hops, K - 1), hops - Math.Min(hops, K - 1));
        var done = sim.Process(mesh.Send(sim, new ComponentRef("n", 0), ActivityLabel.None, new MeshNode(0, 0), [to], Mesh.PacketBytes), "packet");
        sim.Run(done);
        return sim.Now + TerminalCycles;
    }

    /// <summary>Runs <paramref name="warmup"/> + <paramref name="window"/> cycles at <paramref name="offeredFlits"/> flits per node per cycle and measures the window.</summary>
    public NocLoadPoint Run(double offeredFlits, long warmup, long window, int seed = 1)
    {
        var sim = new Simulation(seed);
        var mesh = new MeshNoc(sim, Mesh, new EnergyLedger());
        var end = warmup + window;
        var tally = new Tally();
        var p = Math.Min(1.0, offeredFlits / PacketFlits);
        for (var node = 0; node < K * K; node++)
        {
            sim.Process(Source(sim, mesh, node, p, warmup, end, tally), "source").IsDaemon = true;
        }

        sim.Run(end);
        var nodes = K * K;
        return new NocLoadPoint(
            offeredFlits,
            tally.GeneratedFlits / (double)(nodes * window),
            tally.AcceptedFlits / (double)(nodes * window),
            tally.Measured > 0 ? tally.LatencySum / (double)tally.Measured : double.NaN,
            tally.Measured,
            sim.ProcessedEvents);
    }

    // A node's source queue: packets are created by a Bernoulli process (probability p per cycle) and enter the network
    // one after the other, each once the source router's local port takes it.
    private IEnumerable<Event> Source(Simulation sim, MeshNoc mesh, int node, double p, long warmup, long end, Tally tally)
    {
        var rng = sim.Random;
        var created = NextCreation(rng, p, -1);
        while (created < end)
        {
            if (sim.Now < created)
            {
                yield return sim.Timeout(created - sim.Now);
            }

            var dest = Hotspots.Count == 0 ? rng.Next(K * K) : Hotspots[rng.Next(Hotspots.Count)];
            var measured = created >= warmup;
            if (measured)
            {
                tally.GeneratedFlits += PacketFlits;
            }

            var injected = sim.Event("injected");
            sim.Process(Packet(sim, mesh, node, dest, created, measured, injected, warmup, end, tally), "packet").IsDaemon = true;
            yield return injected;
            if ((long)injected.Value! > sim.Now)
            {
                yield return sim.Timeout((long)injected.Value! - sim.Now);
            }

            created = NextCreation(rng, p, created);
        }
    }

    private IEnumerable<Event> Packet(Simulation sim, MeshNoc mesh, int from, int to, long created, bool measured, Event injected, long warmup, long end, Tally tally)
    {
        foreach (var e in mesh.Send(sim, new ComponentRef("n", from), ActivityLabel.None, mesh.NodeOf(from), [mesh.NodeOf(to)], mesh.Parameters.PacketBytes, injected))
        {
            yield return e;
        }

        if (sim.Now >= warmup && sim.Now < end)
        {
            tally.AcceptedFlits += PacketFlits;
        }

        if (measured)
        {
            tally.LatencySum += sim.Now - created + TerminalCycles;
            tally.Measured++;
        }
    }

    // The next cycle after `after` at which a Bernoulli(p) trial succeeds (a geometric gap).
    private static long NextCreation(SimRandom rng, double p, long after)
    {
        if (p >= 1)
        {
            return after + 1;
        }

        var u = 1.0 - rng.NextDouble();
        return after + 1 + (long)Math.Floor(Math.Log(u) / Math.Log(1 - p));
    }

    private sealed class Tally
    {
        public long GeneratedFlits;
        public long AcceptedFlits;
        public long LatencySum;
        public long Measured;
    }
}
