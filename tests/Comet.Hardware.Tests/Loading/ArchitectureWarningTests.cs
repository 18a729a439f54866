using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Loading;

/// <summary>Input checks the authors' tool lacks: instance ranges and slow mesh links.</summary>
public class ArchitectureWarningTests
{
    // One 2x2 mesh of buffers under DRAM; line 25 holds the name "Buf[0..3]" (value at column 15).
    private const string Arch = """
        ComputeTiles:
          - name: GEMM
            attributes:
              computeOpC: 4096
              computeLatency: 2
              startupLatency: 16
              computewidth: 4
              compute_energy: 1
        MemoryTypes:
          - name: Buf
            attributes:
              width: 128
              depth: 64
              ports: 2
              child_read_bw: 32
              parent_write_bw: 16
              parent_read_energy: 0.5
          - name: DRAM
            attributes:
              bw: 1024
        Hierarchy:
          - name: DRAM
            type: DRAM
            connects:
              - name: Buf[0..3]
                type: Buf
                attributes:
                  meshX: 2
                  meshY: 2
                  connection_type: MeshNetwork
                  bw: 64
                  hop_latency: 5
                  link_transfers: true
                fills:
                  - name: core
                    type: GEMM
                    is_compute: true
                    attributes:
                      meshX: 1
                      meshY: 1
                      connection_type: MeshNetwork
                      bw: 128
                      queuing_delay: 2
        """;

    private static string ShippedExample()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
            {
                return Path.Combine(dir.FullName, "examples", "ex_base", "arch.yaml");
            }
        }

        throw new InvalidOperationException("Comet.sln not found above the test folder");
    }

    [Test]
    public void ShippedExample_WarnsOfEveryMeshWhoseLinksAreFarBelowItsPorts()
    {
        // channel_width defaults to 32 bits and every mesh sets queuing_delay: 2, so a link moves 32 / 8 / 2 = 2 B/cycle;
        // the GBuffer mesh's ports take 64 B/cycle, the IBuffer, WBuffer and OBuffer meshes' 128 B/cycle.
        var arch = ArchitectureLoader.Load(ShippedExample());

        Assert.That(arch.Warnings.Select(w => (w.Line, w.Column, w.KeyPath)), Is.EqualTo(new[]
        {
            (108L, 26L, "Hierarchy[0].connects[0].attributes.queuing_delay"),
            (119L, 30L, "Hierarchy[0].connects[0].fills[0].attributes.queuing_delay"),
            (141L, 30L, "Hierarchy[0].connects[0].fills[1].attributes.queuing_delay"),
            (163L, 30L, "Hierarchy[0].connects[0].drains[0].attributes.queuing_delay"),
        }));
        Assert.That(arch.Warnings[0].Message, Is.EqualTo(
            "arch.yaml:108:26: Hierarchy[0].connects[0].attributes.queuing_delay: the GBuffer mesh links move 2 B/cycle "
            + "(channel_width 32 bits, the default, per queuing_delay 2 cycles), far below the 64 B/cycle ports (bw) that feed them; "
            + "transfers over this mesh are link-bound (set channel_width: 1024 to match the ports)"));
        Assert.That(arch.Warnings.Skip(1).Select(w => w.Problem), Has.All.Contains("move 2 B/cycle").And.All.Contains("the 128 B/cycle ports"));
    }

    [Test]
    public void LinkRate_AtExactlyAQuarterOfThePorts_Warns()
    {
        // 256 bits / 8 / 2 cycles = 16 B/cycle = 64 / 4: "far below" includes the bound
        var arch = ArchitectureLoader.Parse(Arch.Replace("hop_latency: 5", "hop_latency: 5\n          queuing_delay: 2\n          channel_width: 256"));
        Assert.That(arch.Warnings.Single().Problem, Does.StartWith("the Buf mesh links move 16 B/cycle (channel_width 256 bits per queuing_delay 2 cycles), far below the 64 B/cycle ports"));
        Assert.That(arch.Warnings.Single().KeyPath, Is.EqualTo("Hierarchy[0].connects[0].attributes.channel_width"));
        Assert.That(ArchitectureLoader.LinkRateWarningRatio, Is.EqualTo(4));
    }

    [Test]
    public void LinkRate_JustAboveAQuarterOfThePorts_DoesNotWarn()
    {
        // 264 bits / 8 / 2 = 16.5 B/cycle > 64 / 4
        var arch = ArchitectureLoader.Parse(Arch.Replace("hop_latency: 5", "hop_latency: 5\n          queuing_delay: 2\n          channel_width: 264"));
        Assert.That(arch.Warnings, Is.Empty);
    }

    [Test]
    public void LinksWithoutQueuingDelay_OrWithoutLinks_DoNotWarn()
    {
        // Buf has no queuing_delay (no serialization term); core queues 2 cycles per flit but is a 1x1 mesh: no links.
        Assert.That(ArchitectureLoader.Parse(Arch).Warnings, Is.Empty);
    }

    [TestCase("Buf[0..]")]
    [TestCase("Buf[0..3")]
    [TestCase("Buf[a..b]")]
    [TestCase("Buf[0-3]")]
    [TestCase("Buf[0..3]x")]
    public void MalformedInstanceRange_IsAnErrorAtTheName(string name)
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(Arch.Replace("Buf[0..3]", name)))!;
        Assert.That(e.Message, Is.EqualTo($"arch.yaml:25:15: Hierarchy[0].connects[0].name: malformed instance range '{name}' (expected <level>[<first>..<last>], e.g. GBuffer[0..3])"));
    }

    [Test]
    public void InstanceRangeEndingBeforeItStarts_IsAnError()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(Arch.Replace("Buf[0..3]", "Buf[3..0]")))!;
        Assert.That(e.Problem, Is.EqualTo("instance range 'Buf[3..0]' ends before it starts"));
    }

    [Test]
    public void InstanceRangeDisagreeingWithTheMesh_WarnsThatMeshXTimesMeshYIsUsed()
    {
        var arch = ArchitectureLoader.Parse(Arch.Replace("meshX: 2\n          meshY: 2", "meshX: 5\n          meshY: 5"));

        Assert.That(arch.FindLevel("Buf")!.Instances, Is.EqualTo(25));
        var w = arch.Warnings.Single();
        Assert.That(w.Message, Is.EqualTo("arch.yaml:25:15: Hierarchy[0].connects[0].name: 'Buf[0..3]' names 4 instances but meshX x meshY = 5 x 5 = 25; Comet uses 25 (meshX x meshY), as COMET does, and ignores the range"));
    }

    [Test]
    public void InstanceRange_ParsesCountsAndLevelName()
    {
        Assert.That(InstanceRange.Parse("GBuffer[0..15]"), Is.EqualTo(("GBuffer", new InstanceRange(0, 15), (string?)null)));
        Assert.That(InstanceRange.Parse("GBuffer[0..15]").Range!.Count, Is.EqualTo(16));
        Assert.That(InstanceRange.Parse("DRAM"), Is.EqualTo(("DRAM", (InstanceRange?)null, (string?)null)));
    }
}
