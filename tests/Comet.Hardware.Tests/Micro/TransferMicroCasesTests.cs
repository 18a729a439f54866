using Comet.Hardware.Micro;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Micro;

public class TransferMicroCasesTests
{
    // 64 KiB in 64 chunks of 1 KiB; 3 hops of 5 cycles; link 8 cycles a chunk, ejection 4, GBuffer write 4.
    [TestCase("pipelined-dram-gb-mesh-link-bound", 535L)]  // 15 + 4 (DRAM at 256 B/cycle) + 8 + 4 + 63·8
    [TestCase("pipelined-dram-gb-mesh-port-bound", 1051L)] // 15 + 16 (DRAM at 64 B/cycle) + 8 + 4 + 63·16
    [TestCase("pipelined-gb-ib-direct", 2064L)]            // 16 (GB read at 64) + 32 (IB write at 32) + 63·32
    [TestCase("pipelined-dram-gb-ib", 2599L)]              // 535 to the GBuffer, then 2064 on to the input buffer
    // 16 tiles of 64 chunks through ports of 64 B/cycle (16 a chunk) taking turns chunk by chunk; ejection 16, write 16.
    [TestCase("pipelined-scatter-16-tiles-1-port", 16446L)]  // 16·64·16 + the last chunk to (3,3): 6·5 + 16 + 16
    [TestCase("pipelined-scatter-16-tiles-4-ports", 4143L)]  // 4·64·16 + the last chunks up their columns: 3·5 + 16 + 16
    public void Case_GivesTheHandDerivedCycles(string name, long expected)
    {
        var c = TransferMicroCases.All().Single(m => m.Name == name);
        Assert.That((c.ExpectedCycles, c.SimulatedCycles), Is.EqualTo((expected, expected)));
        Assert.That(c.Holds);
    }

    [Test]
    public void FourPortGlobalBuffer_ScattersFasterThanOnePort_ByTwelveTilesOfPortTimeAndThreeHops()
    {
        // One port serializes 16 tiles of 64·16 cycles; four ports on row 0 serve a column each: 12·64·16 + 3·5 sooner.
        Assert.That(TransferMicroCases.Scatter(1) - TransferMicroCases.Scatter(4), Is.EqualTo((12 * 64 * 16) + (3 * 5)));
    }

    [Test]
    public void EveryCase_Holds_WithUniqueNames()
    {
        var cases = TransferMicroCases.All();
        Assert.That(cases.Select(c => c.Name), Is.Unique);
        Assert.That(cases.All(c => c.Holds && !c.IsContention));
    }
}
