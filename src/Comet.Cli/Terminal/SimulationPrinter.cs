using Comet.Reports.Runs;

namespace Comet.Cli.Terminal;

/// <summary>Prints a finished (or interrupted) simulation run on the console: the comparison table, idle time by reason, the event count and the files written.</summary>
public static class SimulationPrinter
{
    /// <summary>Writes the comparison table and the files written to <paramref name="output"/>.</summary>
    public static void Print(TextWriter output, SimulationOutcome outcome)
    {
        SimulationTable.Write(output, outcome.Result, outcome.Analytic);
        output.WriteLine();
        var idle = new StringWriter();
        IdleTable.Write(idle, outcome.Result);
        if (idle.GetStringBuilder().Length > 0)
        {
            output.Write(idle);
            output.WriteLine();
        }

        if (outcome.Cancelled)
        {
            output.WriteLine($"stopped by Ctrl-C at cycle {outcome.Result.SimulatedCycles}; the files hold what was simulated until then");
        }

        output.WriteLine($"{outcome.Result.Events} events, {outcome.Result.SimulatedCycles} cycles simulated");
        foreach (var f in outcome.Files)
        {
            output.WriteLine($"wrote {f}");
        }
    }
}
