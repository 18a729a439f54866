using Comet.Hardware.Micro;
using Comet.Reports.Compare;
using NUnit.Framework;

namespace Comet.Reports.Tests.Compare;

public class MicroSuiteReportTests
{
    private static readonly MicroCase[] Cases =
    [
        new("mesh-unicast-3-hops", "H·h + ⌈B/r⌉ = 3·5 + ⌈65536/128⌉", 527, 527),
        new("contention-hotspot", "alone: 5 + ⌈65536/128⌉", 517, 773),
        new("engine-simd-exp", "latency·⌈E/lanes⌉ = 3·⌈4096/16⌉", 768, 769),
    ];

    [Test]
    public void Json_HoldsExactlyNameFormulaExpectedAndSimulated()
    {
        var expected = """
            {
              "cases": [
                {
                  "name": "mesh-unicast-3-hops",
                  "formula": "H·h + ⌈B/r⌉ = 3·5 + ⌈65536/128⌉",
                  "expected_cycles": 527,
                  "simulated_cycles": 527
                },
                {
                  "name": "contention-hotspot",
                  "formula": "alone: 5 + ⌈65536/128⌉",
                  "expected_cycles": 517,
                  "simulated_cycles": 773
                },
                {
                  "name": "engine-simd-exp",
                  "formula": "latency·⌈E/lanes⌉ = 3·⌈4096/16⌉",
                  "expected_cycles": 768,
                  "simulated_cycles": 769
                }
              ]
            }

            """;

        Assert.That(MicroSuiteJson.Write(Cases), Is.EqualTo(expected.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Text_SaysWhichHold_AndCountsThem()
    {
        using var output = new StringWriter { NewLine = "\n" };
        MicroSuiteText.Write(output, Cases);
        var lines = output.ToString().Split('\n');

        Assert.That(lines[0], Does.StartWith("case"));
        Assert.That(lines[1], Does.Contain(" 527  yes "));
        Assert.That(lines[2], Does.Contain(" 773  yes, +256 "));
        Assert.That(lines[3], Does.Contain(" 769  NO "));
        Assert.That(lines[5], Does.StartWith("2 of 3 cases hold"));
    }
}
