using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class NocEnergyTests
{
    [Test]
    public void WithTheDefaults_TheGBuffersChildMeshesCarryNothing_EachChildIsAnAttachment()
    {
        // ex_base's GBuffer has four ports on 2×2 meshes: every IBuffer, WBuffer and OBuffer router is an attachment,
        // so GBuffer → child moves never cross a link there; the GBuffer mesh (one DRAM port) and the link meshes do.
        var on = new DataflowExecutor(CaseFiles.Load("ex_base"), new Simulation(), new ExecutionOptions(NocEnergy: true)).Run();
        var meshes = on.EnergyByComponent.Where(kv => kv.Key.EndsWith(".noc", StringComparison.Ordinal) || kv.Key.EndsWith(".link", StringComparison.Ordinal)).ToDictionary();
        Assert.That(meshes.Where(kv => kv.Value > 0).Select(kv => kv.Key), Is.EquivalentTo(new[] { "GBuffer.noc", "OBuffer.link", "GBuffer.link" }));
    }

    [Test]
    public void NocEnergy_AddsRouterEnergyOnTheMeshesOnly_AndNoCycles()
    {
        // Serial transfers keep the parent at the corner router, so every mesh is crossed.
        var off = new DataflowExecutor(CaseFiles.Load("ex_base"), new Simulation(), new ExecutionOptions(Transfers: TransferMode.Serial)).Run();
        var on = new DataflowExecutor(CaseFiles.Load("ex_base"), new Simulation(), new ExecutionOptions(NocEnergy: true, Transfers: TransferMode.Serial)).Run();

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
