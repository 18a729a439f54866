using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class NocEnergyTests
{
    [Test]
    public void NocEnergy_AddsRouterEnergyOnTheMeshesOnly_AndNoCycles()
    {
        // Serial transfers keep the GBuffers' child meshes attached at one corner, so every mesh carries hops (pipelined
        // ones attach a 4-port GBuffer at every router of its 2×2 child meshes, which then carry none).
        var serial = ExecutionOptions.Default with { Transfers = Comet.Hardware.Components.TransferMode.Serial };
        var off = new DataflowExecutor(CaseFiles.Load("ex_base"), new Simulation(), serial).Run();
        var on = new DataflowExecutor(CaseFiles.Load("ex_base"), new Simulation(), serial with { NocEnergy = true }).Run();

        static bool IsMesh(string component) => component.EndsWith(".noc", StringComparison.Ordinal) || component.EndsWith(".link", StringComparison.Ordinal);
        Assert.That(on.SimulatedCycles, Is.EqualTo(off.SimulatedCycles), "energy is counted, it takes no time");
        Assert.That(off.EnergyByComponent.Where(kv => IsMesh(kv.Key)).Sum(kv => kv.Value), Is.Zero);
        var meshes = on.EnergyByComponent.Where(kv => IsMesh(kv.Key)).ToList();
        Assert.That(meshes, Has.Count.EqualTo(6), "GBuffer, IBuffer, WBuffer and OBuffer networks, the OBuffer link mesh and the GBuffer link mesh the gather crosses between GBuffers");
        Assert.That(meshes.All(kv => kv.Value > 0));
        foreach (var (component, pj) in off.EnergyByComponent.Where(kv => !IsMesh(kv.Key)))
        {
            Assert.That(on.EnergyByComponent[component], Is.EqualTo(pj), component);
        }

        Assert.That(on.TotalEnergy - off.TotalEnergy, Is.EqualTo(meshes.Sum(kv => kv.Value)).Within(1e-6).Percent);
    }
}
