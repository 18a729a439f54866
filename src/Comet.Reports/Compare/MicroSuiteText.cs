using System.Globalization;
using Comet.Hardware.Micro;
using Comet.Reports.Sweeps;

namespace Comet.Reports.Compare;

/// <summary>The console table of the micro suite: one line per case with its verdict, then how many hold.</summary>
public static class MicroSuiteText
{
    /// <summary>Writes the table of <paramref name="cases"/> and a closing count line to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<MicroCase> cases)
    {
        var rows = new List<string[]> { new[] { "case", "expected", "simulated", "holds", "formula" } };
        foreach (var c in cases)
        {
            rows.Add([c.Name, Num(c.ExpectedCycles), Num(c.SimulatedCycles), Verdict(c), c.Formula]);
        }

        ValidationText.Table(output, rows, rightFrom: 1, rightTo: 2);
        var held = cases.Count(c => c.Holds);
        output.WriteLine();
        output.WriteLine($"{Num(held)} of {Num(cases.Count)} cases hold (a mechanism: simulated = expected; contention-…: simulated > expected, the contention-free form)");
    }

    /// <summary>The verdict column: <c>yes</c> (equal), <c>yes, +N</c> (contention took N cycles longer), <c>NO</c> otherwise.</summary>
    public static string Verdict(MicroCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.Holds)
        {
            return "NO";
        }

        return c.IsContention ? "yes, +" + Num(c.SimulatedCycles - c.ExpectedCycles) : "yes";
    }

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);
}
