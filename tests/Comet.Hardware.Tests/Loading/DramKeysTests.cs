using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;
using Comet.Hardware.Specs;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Loading;

/// <summary>The DRAM organisation keys (Comet extensions of a memory type's attributes): defaults, values, positioned errors.</summary>
public class DramKeysTests
{
    // Line 9 holds the DRAM's bw; extra keys are inserted after it, so the first one sits on line 10, column 7.
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
        Hierarchy:
          - name: DRAM
            type: DRAM
            connects:
              - name: core
                type: GEMM
                is_compute: true
                attributes:
                  meshX: 1
                  meshY: 1
                  connection_type: MeshNetwork
                  bw: 128
        """;

    private static string With(string keys) => Arch.Replace("      bw: 1024\n", "      bw: 1024\n" + keys);

    private static DramSpec DramOf(string text) => ArchitectureLoader.Parse(text).FindLevel("DRAM")!.Memory!.Dram;

    [Test]
    public void NoKeys_GiveTheToolsSingleChannel()
    {
        Assert.That(DramOf(Arch), Is.EqualTo(new DramSpec(1, 256, 0)));
        Assert.That(DramSpec.Default, Is.EqualTo(new DramSpec(1, 256, 0)));
    }

    [Test]
    public void AllThreeKeys_AreRead()
    {
        var dram = DramOf(With("      dram_channels: 4\n      dram_interleave_bytes: 64\n      dram_access_latency: 30\n"));
        Assert.That(dram, Is.EqualTo(new DramSpec(4, 64, 30)));
    }

    [TestCase("      dram_channels: 0\n", "dram_channels", "must be positive, found 0")]
    [TestCase("      dram_channels: 2000\n", "dram_channels", "must be at most 1024, found 2000")]
    [TestCase("      dram_interleave_bytes: -256\n", "dram_interleave_bytes", "must be positive, found -256")]
    [TestCase("      dram_access_latency: -1\n", "dram_access_latency", "must not be negative, found -1")]
    public void BadValue_IsAPositionedErrorOnItsKey(string keys, string key, string problem)
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(With(keys)))!;
        Assert.That(e.KeyPath, Is.EqualTo($"MemoryTypes[0].attributes.{key}"));
        Assert.That(e.Message, Is.EqualTo($"arch.yaml:10:{7 + key.Length + 2}: MemoryTypes[0].attributes.{key}: {problem}"));
    }

    [Test]
    public void NonInteger_IsAPositionedError()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(With("      dram_channels: two\n")))!;
        Assert.That(e.Message, Does.StartWith("arch.yaml:10:22: MemoryTypes[0].attributes.dram_channels:"));
    }

    [Test]
    public void MisspeltKey_IsRejectedWithTheNearestKey()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureLoader.Parse(With("      dram_channel: 2\n")))!;
        Assert.That(e.Message, Does.StartWith("arch.yaml:10:7:"));
        Assert.That(e.Hint, Does.Contain("dram_channels"));
    }
}
