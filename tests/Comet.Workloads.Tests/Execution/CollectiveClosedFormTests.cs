using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using Comet.Workloads.Collectives;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Collectives alone on an idle 2x2 mesh take exactly COMET's §7 closed form (numbers derived by hand).</summary>
public class CollectiveClosedFormTests
{
    // The example's OBuffer: link read/write 128 B/cycle, child write 128; link mesh 2x2, hop 5, q 2, W 32, port 128.
    private static readonly BufferParameters Ob = new("OBuffer", 128 * 8192, 128, 1, 128, 128, 128, 128, 128, 128, true);

    private static long Run(CollectiveAlgorithm algorithm, long bytes, bool broadcast, out MeshNoc mesh)
    {
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var buffers = Enumerable.Range(0, 4).Select(i => new SramBuffer(sim, Ob, ledger, i)).ToArray();
        mesh = new MeshNoc(sim, new MeshParameters("OBuffer.link", "OB", 2, 2, 5, 32, 2, 128, broadcast), ledger);
        var schedule = CollectiveSchedule.Build(algorithm, 4, bytes, bytes, broadcast, false);
        sim.Process(CollectiveExecutor.Run(sim, schedule, buffers, mesh, ActivityLabel.None, SimdOperation.Add, _ => null), "collective");
        sim.Run();
        return sim.Now;
    }

    [Test]
    public void Broadcast_IdleMesh_EqualsClosedForm()
    {
        // R = 512 B, bcast: tr = ⌈512/128⌉ = 4, tw = ⌈512/128⌉ = 4 → mem 4;
        // net: 2x2 → H 2, D 2: 2·5 + (512·2)·8/32·2 = 522. Total 526.
        Assert.That(Run(CollectiveAlgorithm.Broadcast, 512, true, out var mesh), Is.EqualTo(526));
        Assert.That(mesh.ByteHops, Is.EqualTo(3 * 512));
    }

    [Test]
    public void Gather_IdleMesh_EqualsClosedForm()
    {
        // Nsrc = 4, R = 512, W = 2048: mem = max(⌈512/128⌉, ⌈3·2048/(128·4)⌉) = 12 (bw = min(128, 2·128, 128));
        // net = 522 (the two packets sharing the root's last link arrive back to back). Total 534.
        Assert.That(Run(CollectiveAlgorithm.Gather, 512, true, out _), Is.EqualTo(534));
    }

    [Test]
    public void Broadcast_WithoutMulticast_SendsThreeCopies_AndTakesLonger()
    {
        // Root reads 3·512 B (12 cycles); three unicasts, two of them sharing the root's X link: 522 + 261 … by contention.
        var cycles = Run(CollectiveAlgorithm.Broadcast, 512, false, out var mesh);
        Assert.That(cycles, Is.GreaterThan(526));
        Assert.That(mesh.ByteHops, Is.EqualTo(4 * 512));
    }

    [TestCase(CollectiveAlgorithm.Gather, 1)]
    [TestCase(CollectiveAlgorithm.AllReduce, 2)]
    [TestCase(CollectiveAlgorithm.AllGather, 2)]
    [TestCase(CollectiveAlgorithm.ReduceScatter, 1)]
    public void Schedule_HasTheExpectedPhases(CollectiveAlgorithm algorithm, int phases)
    {
        var s = CollectiveSchedule.Build(algorithm, 4, 512, 512, true, false);
        Assert.That(s.Phases, Has.Count.EqualTo(phases));
        var moved = s.Phases.SelectMany(p => p.Flows).Sum(f => f.Bytes * f.To.Count);
        Assert.That(moved, Is.GreaterThan(0));
    }
}
