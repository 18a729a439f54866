using Comet.Reports.Output;
using NUnit.Framework;

namespace Comet.Reports.Tests.Output;

public class RunInfoTests
{
    [Test]
    public void WriteThenRead_RoundTripsAndUsesSnakeCaseKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), "comet-runinfo-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var started = DateTimeOffset.UtcNow.AddSeconds(-2);
            var info = RunInfo.Capture("simulate", ["simulate", "--arch", "a.yaml"], started, cancelled: true);
            info.Write(path);
            var text = File.ReadAllText(path);
            Assert.That(text, Does.Contain("\"wall_seconds\"").And.Contain("\"started_utc\"").And.Contain("\"cancelled\": true"));
            var back = RunInfo.Read(path);
            Assert.That(back.Arguments, Is.EqualTo(new[] { "simulate", "--arch", "a.yaml" }));
            Assert.That(back.WallSeconds, Is.InRange(2.0, 60.0));
            Assert.That(back.FinishedUtc, Is.GreaterThanOrEqualTo(back.StartedUtc));
            Assert.That(back with { Arguments = info.Arguments }, Is.EqualTo(info));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
