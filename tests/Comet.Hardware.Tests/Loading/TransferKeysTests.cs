using Comet.Hardware.Components;
using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;
using Comet.Hardware.Specs;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Loading;

/// <summary>The pipelined-transfer and attachment keys (Comet extensions): <c>dma_chunk_bytes</c>, <c>dma_staging_chunks</c> on a memory type, <c>attach</c> on a network.</summary>
public class TransferKeysTests
{
    // Network keys are appended after the GB→core network's bw, as line 35 at column 15.
    private const string Arch = """
        ComputeTiles:
          - name: GEMM
            attributes:
              computeOpC: 4096
              computeLatency: 2
        MemoryTypes:
          - name: DRAM
            attributes:
              bw: 1024
          - name: GB
            attributes:
              ports: 2
              depth: 1024
              width: 64
              bw: 256
        Hierarchy:
          - name: DRAM
            type: DRAM
            connects:
              - name: GB
                type: GB
                attributes:
                  meshX: 1
                  connection_type: MeshNetwork
                  bw: 128
                connects:
                  - name: core
                    type: GEMM
                    is_compute: true
                    attributes:
                      meshX: 4
                      meshY: 2
                      connection_type: MeshNetwork
                      bw: 128

        """;

    private static string WithNetwork(string keys) => Arch + keys + "\n";

    private static NetworkSpec CoreNetwork(string text)
    {
        var arch = ArchitectureLoader.Parse(text);
        return arch.NetworkBetween(arch.FindLevel("GB")!.Id, arch.FindLevel("core")!.Id)!;
    }

    [Test]
    public void NoKeys_GiveTheDefaults()
    {
        var arch = ArchitectureLoader.Parse(Arch);
        Assert.That(arch.FindLevel("GB")!.Memory!.Dma, Is.EqualTo(new DmaSpec(1024, 2)));
        Assert.That(CoreNetwork(Arch).Attach, Is.Null);
    }

    [Test]
    public void DmaKeys_AreRead()
    {
        var arch = ArchitectureLoader.Parse(Arch.Replace("      bw: 256\n", "      bw: 256\n      dma_chunk_bytes: 4096\n      dma_staging_chunks: 4\n"));
        Assert.That(arch.FindLevel("GB")!.Memory!.Dma, Is.EqualTo(new DmaSpec(4096, 4)));
    }

    [Test]
    public void Attach_ListsTheRouters()
    {
        Assert.That(CoreNetwork(WithNetwork("              attach: [[3, 1], [0, 0]]")).Attach, Is.EqualTo(new[] { new MeshNode(3, 1), new MeshNode(0, 0) }));
    }

    [TestCase("              attach: [[4, 0], [0, 0]]", "attach[0]", "router [4, 0] is outside the 4 x 2 mesh (x in 0..3, y in 0..1)")]
    [TestCase("              attach: [[0, 0], [0, 0]]", "attach[1]", "router [0, 0] is listed twice")]
    [TestCase("              attach: [[0, 0], [1]]", "attach[1]", "must be a router [x, y], found 1 numbers")]
    [TestCase("              attach: []", "attach", "must list at least one router [x, y]")]
    [TestCase("              attach: [[0, 0]]", "attach", "lists 1 routers but 'GB' has 2 network port(s) (its memory type's 'ports'); list one router per port")]
    public void BadAttach_IsAPositionedError(string keys, string key, string problem)
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(WithNetwork(keys)))!;
        Assert.That(e.KeyPath, Is.EqualTo($"Hierarchy[0].connects[0].connects[0].attributes.{key}"));
        Assert.That(e.Message, Does.StartWith("arch.yaml:35:").And.EndWith($": Hierarchy[0].connects[0].connects[0].attributes.{key}: {problem}"));
    }

    [Test]
    public void ZeroStaging_IsAPositionedError()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(Arch.Replace("      bw: 256\n", "      bw: 256\n      dma_staging_chunks: 0\n")))!;
        Assert.That(e.Message, Is.EqualTo("arch.yaml:16:27: MemoryTypes[1].attributes.dma_staging_chunks: must be positive, found 0"));
    }
}
