using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;
using Comet.Hardware.Specs;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Loading;

public class ArchitectureLoaderTests
{
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
        """;

    [Test]
    public void Parse_SmallHierarchy_BuildsLevelsNetworksAndDefaults()
    {
        var arch = ArchitectureLoader.Parse(Arch);
        Assert.That(arch.Levels.Select(l => l.Name), Is.EqualTo(new[] { "DRAM", "Buf", "core" }));
        var buf = arch.FindLevel("Buf")!;
        Assert.That(buf.Instances, Is.EqualTo(4));
        Assert.That(buf.Memory!.CapacityBytes, Is.EqualTo(128 * 64));
        Assert.That(buf.Memory.ChildReadBandwidth, Is.EqualTo(32));
        Assert.That(buf.Memory.ChildWriteBandwidth, Is.EqualTo(0));
        Assert.That(buf.Memory.ParentReadEnergy, Is.EqualTo(0.5));
        Assert.That(buf.LinkNetwork!.HopLatency, Is.EqualTo(5));
        Assert.That(arch.FindLevel("DRAM")!.Memory!.LinkWriteBandwidth, Is.EqualTo(1024), "bw overrides all six bandwidths");
        var core = arch.FindLevel("core")!;
        Assert.That(core.Compute!.Model, Is.EqualTo(ComputeModel.Gemm));
        Assert.That(core.Compute.ComputeWidth, Is.EqualTo(8), "the lower-case computewidth key is ignored, as by the tool");
        Assert.That(arch.NetworkBetween(buf.Id, core.Id)!.PortBandwidth, Is.EqualTo(128));
        Assert.That(arch.NetworkBetween(buf.Id, buf.Id)!.PortBandwidth, Is.EqualTo(64), "link network");
        Assert.That(arch.TotalNodes(core.Id), Is.EqualTo(4));
        Assert.That(arch.NetworkBetween(buf.Id, core.Id)!.QueuingDelay, Is.EqualTo(0));
        Assert.That(arch.NetworkBetween(buf.Id, core.Id)!.ChannelWidth, Is.EqualTo(32));
    }

    private static InputException Fails(string text) => Assert.Throws<InputException>(() => ArchitectureLoader.Parse(text))!;

    [Test]
    public void Parse_UnknownMemoryType_NamesKeyAndNearestType()
    {
        var e = Fails(Arch.Replace("type: Buf", "type: Bof"));
        Assert.That(e.KeyPath, Is.EqualTo("Hierarchy[0].connects[0].type"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'Buf'?"));
        Assert.That(e.Message, Does.StartWith("arch.yaml:26:15:"));
    }

    [Test]
    public void Parse_MissyntaxedYaml_ReportsPosition()
    {
        var e = Fails("ComputeTiles: [\n  - name: x\n");
        Assert.That(e.KeyPath, Is.EqualTo("YAML syntax"));
        Assert.That(e.Line, Is.GreaterThan(0));
    }

    [Test]
    public void Parse_UnclosedFlowListBeforeAKey_SaysWhereInWordsNotInDotNetTerms()
    {
        // YamlDotNet's scanner throws a bare InvalidOperationException on this text, with no position.
        var e = Fails("a: [1, 2\nb: c\n");
        Assert.That(e.Message, Is.EqualTo("arch.yaml:1:6: YAML syntax: the text after this point cannot be read as YAML (look for an unclosed '[', '{' or quote)"));
    }

    [Test]
    public void Parse_ZeroBandwidth_IsRejected()
    {
        var e = Fails(Arch.Replace("child_read_bw: 32", "child_read_bw: 0"));
        Assert.That(e.KeyPath, Is.EqualTo("MemoryTypes[0].attributes.child_read_bw"));
        Assert.That(e.Problem, Does.Contain("positive"));
    }

    [Test]
    public void Parse_NetworkWithoutBandwidth_IsRejected()
    {
        var e = Fails(Arch.Replace("bw: 128", "hop_latency: 1"));
        Assert.That(e.Problem, Does.Contain("'bw'"));
        Assert.That(e.KeyPath, Is.EqualTo("Hierarchy[0].connects[0].fills[0].attributes"));
    }

    [Test]
    public void Parse_LevelContainingItself_IsRejected()
    {
        var e = Fails(Arch.Replace("- name: core", "- name: Buf").Replace("type: GEMM\n            is_compute: true", "type: Buf"));
        Assert.That(e.Problem, Does.Contain("contains itself"));
    }

    [Test]
    public void Parse_ValueOverflowing64Bits_IsRejected()
    {
        var e = Fails(Arch.Replace("depth: 64", "depth: 99999999999999999999999"));
        Assert.That(e.Problem, Does.Contain("overflows 64 bits"));
        Assert.That(e.KeyPath, Is.EqualTo("MemoryTypes[0].attributes.depth"));
    }

    [Test]
    public void Parse_PacketBytes_DefaultsTo1KiBAndIsReadPerNetwork()
    {
        var arch = ArchitectureLoader.Parse(Arch.Replace("hop_latency: 5", "hop_latency: 5\n          packet_bytes: 256"));
        var buf = arch.Levels.Single(l => l.Name == "Buf");
        var core = arch.Levels.Single(l => l.Name == "core");
        Assert.That(arch.NetworkBetween(buf.Id, buf.Id)!.PacketBytes, Is.EqualTo(256));
        Assert.That(arch.NetworkBetween(buf.Id, core.Id)!.PacketBytes, Is.EqualTo(1024));
    }

    [TestCase("0", "must be positive, found 0")]
    [TestCase("-64", "must be positive, found -64")]
    [TestCase("1.5", "expected an integer, found '1.5'")]
    public void Parse_BadPacketBytes_IsAPositionedError(string value, string problem)
    {
        var e = Fails(Arch.Replace("hop_latency: 5", "hop_latency: 5\n          packet_bytes: " + value));
        Assert.That(e.KeyPath, Is.EqualTo("Hierarchy[0].connects[0].attributes.packet_bytes"));
        Assert.That(e.Problem, Does.Contain(problem));
        Assert.That((e.Line, e.Column), Is.EqualTo((33L, 25L)), "the line after hop_latency (YAML line 32), the value after 'packet_bytes: '");
    }

    [Test]
    public void Parse_MisspelledKey_SuggestsTheKnownKey()
    {
        var e = Fails(Arch.Replace("hop_latency: 5", "hop_latenct: 5"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'hop_latency'?"));
    }

    [Test]
    public void Load_MissingFile_NamesTheFile()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Load("/nonexistent/arch.yaml"))!;
        Assert.That(e.Message, Does.StartWith("arch.yaml: file not found"));
    }

    [Test]
    public void Parse_UnknownComputeModelOnALevel_IsRejected()
    {
        var e = Fails(Arch.Replace("- name: GEMM", "- name: Tensor").Replace("type: GEMM", "type: Tensor"));
        Assert.That(e.Problem, Does.Contain("no latency model"));
    }
}
