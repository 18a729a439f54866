using Comet.Hardware.Inputs;
using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class SimulationLimitsTests
{
    [Test]
    public void A_compute_mesh_of_2_to_the_62_is_an_input_error_not_a_crash()
    {
        var source = CaseFiles.Folder("gemm_only");
        if (source is null)
        {
            Assert.Inconclusive("gemm_only is not on this machine");
        }

        var dir = Directory.CreateTempSubdirectory("comet-limits-");
        try
        {
            foreach (var file in Directory.GetFiles(source!, "*.yaml"))
            {
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            }

            var arch = Path.Combine(dir.FullName, "arch.yaml");
            // The first "meshY: 1" is the macengine's network under WBuffer (a repeated compute level): the loader keeps
            // the level's first definition, so only the network grows, which the analytical model never sizes.
            var text = File.ReadAllText(arch);
            var at = text.IndexOf("meshY: 1\n", StringComparison.Ordinal);
            File.WriteAllText(arch, text[..at] + "meshY: 4611686018427387904\n" + text[(at + "meshY: 1\n".Length)..]);
            var inputs = CometInputLoader.LoadFolder(dir.FullName);

            var error = Assert.Throws<InputException>(() => _ = new DataflowExecutor(inputs, new Simulation()));
            Assert.That(error!.Message, Does.Contain("4611686018427387904").And.Contain("than the simulator builds (1048576"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
