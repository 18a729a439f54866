using Comet.Reports.Runs;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Reports.Tests;

/// <summary>The console's idle-by-reason table: shares of the run, hand-derived.</summary>
public class IdleTableTests
{
    [Test]
    public void Shares_are_means_over_instances_and_the_most_waiting_instance_is_named()
    {
        // Run of 1 000 cycles; SE[0] waits 100 for a collective, SE[1] 300: mean 200 / 1 000 = 20.00 %, worst SE[1] 30.00 %.
        // Operands: (50 + 0) / 2 = 25 cycles = 2.50 %. One GB instance waits 10 cycles for space = 1.00 %.
        var result = Result(1000,
            new InstanceIdleTime("SE", 0, 50, 0, 100, 0),
            new InstanceIdleTime("SE", 1, 0, 0, 300, 0),
            new InstanceIdleTime("GB", 0, 0, 10, 0, 0));
        var text = new StringWriter();
        IdleTable.Write(text, result);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var se = lines.Single(l => l.StartsWith("SE ", StringComparison.Ordinal));
        Assert.That(se, Does.Contain("20.00 %"));
        Assert.That(se, Does.Contain("SE[1] 30.00 %"));
        Assert.That(se, Does.Contain("2.50 %"));
        var gb = lines.Single(l => l.StartsWith("GB ", StringComparison.Ordinal));
        Assert.That(gb, Does.Contain("1.00 %"));
        Assert.That(gb, Does.Contain(" - "), "an instance that never waited for a collective is not named");
    }

    [Test]
    public void Nothing_is_written_when_no_instance_idled()
    {
        var text = new StringWriter();
        IdleTable.Write(text, Result(1000, new InstanceIdleTime("SE", 0, 0, 0, 0, 0)));
        Assert.That(text.ToString(), Is.Empty);
    }

    private static SimulationResult Result(long cycles, params InstanceIdleTime[] idle) =>
        new(cycles, 0, [], [], new Dictionary<string, double>(), 0, new Dictionary<string, long>(), idle);
}
