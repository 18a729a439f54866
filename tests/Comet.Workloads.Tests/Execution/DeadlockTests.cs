using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class DeadlockTests
{
    [Test]
    public void TileLargerThanTheChildBuffer_IsReportedAsADeadlockNamingTheBufferAndWhatItWaitsFor()
    {
        // The example, but the GBuffer-level node moves A at 248 bits per element: its A tile for one IBuffer is
        // 8·4096·31 = 1 015 808 B, while an IBuffer holds 128·4096 = 524 288 B. COMET's capacity check looks at the
        // IBuffer only through the leaf node (8-bit tiles), so the mapping validates; on the hardware the mover waits
        // for space that can never be free.
        var folder = CaseFiles.Folder("ex_base") ?? throw new InconclusiveException("ex_base is not on this machine");
        var mapping = File.ReadAllText(Path.Combine(folder, "mapping.yaml"));
        const string gbNode = "target:      [GBuffer,GBuffer,GBuffer]\n     type:        temporal\n     tensors:     [A,B,D]\n     precision:   [8,8,8]";
        Assert.That(mapping.ReplaceLineEndings("\n"), Does.Contain(gbNode));
        mapping = mapping.ReplaceLineEndings("\n").Replace(gbNode, gbNode.Replace("[8,8,8]", "[248,8,8]"));
        var inputs = CometInputLoader.Parse(
            File.ReadAllText(Path.Combine(folder, "arch.yaml")),
            File.ReadAllText(Path.Combine(folder, "problem.yaml")),
            mapping,
            File.ReadAllText(Path.Combine(folder, "const.yaml")));

        var e = Assert.Throws<SimulationDeadlockException>(() => new DataflowExecutor(inputs, new Simulation()).Run());

        Assert.That(e!.Message, Does.Contain("IBuffer[0] waits for 1015808 B of space but holds only 524288 B"));
        Assert.That(e.Message, Does.Contain("DataMovementTileNode::2"));
        Assert.That(e.Waiting, Is.Not.Empty);
    }
}
