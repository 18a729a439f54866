using System.Globalization;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Analytic;

/// <summary>Prints an <see cref="AnalyticReport"/> as readable tables, laid out like the reference tool's report.</summary>
public static class AnalyticText
{
    /// <summary>Writes the report: cycle hierarchy, per-unit breakdown, totals, ideal compute, utilization and energy per level.</summary>
    public static void Write(TextWriter output, AnalyticReport report, Mapping mapping)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("Cycle hierarchy (cycles per node)");
        WriteTree(output, mapping, mapping.Root, string.Empty, true, report);
        output.WriteLine();
        output.WriteLine("Detailed cycles breakdown (CS = compulsory stall, OS = optional stall, TMW = total memory window)");
        var rows = report.CycleBreakdown.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new[] { p.Key, Cell(p.Value.CompulsoryStall), Cell(p.Value.OptionalStall), Cell(p.Value.MemoryWindow), p.Value.Total.ToString(c) })
            .ToList();
        Table(output, ["Unit", "CS", "OS", "TMW", "Total"], rows);
        output.WriteLine($"Total cycles       {report.TotalCycles.ToString(c),15}");
        output.WriteLine($"Root node cycles   {report.RootNodeCycles.ToString(c),15}   (cost of {mapping.Root.Name}; the total above is the tool's accounting)");
        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }
        output.WriteLine();
        output.WriteLine("Ideal compute cycles");
        Table(output, ["Operation", "Cycles"], report.IdealCompute.Select(p => new[] { p.Key, p.Value.ToString(c) })
            .Append(["Total", report.IdealComputeCycles.ToString(c)]).ToList());
        output.WriteLine("Compute unit utilization");
        Table(output, ["Compute unit", "Utilization"], report.Utilization.Select(p => new[] { p.Key, p.Value.ToString("F2", c) })
            .Append(["Total", report.UtilizationTotal.ToString("F2", c)]).ToList());
        output.WriteLine($"Energy breakdown by level (pJ){(report.NocEnergy ? ", NoC included" : string.Empty)}");
        Table(output, ["Level", "Energy (pJ)"], report.EnergyBreakdownPj.Select(p => new[] { p.Key, p.Value.ToString("F2", c) })
            .Append(["Total", report.EnergyBreakdownTotalPj.ToString("F2", c)]).ToList());
        output.WriteLine($"Total energy (pJ)  {report.TotalEnergyPj.ToString("E6", c)}");
    }

    private static string Cell(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static void WriteTree(TextWriter output, Mapping mapping, MappingNode node, string prefix, bool last, AnalyticReport report)
    {
        var label = node switch
        {
            OperationNode op => $"{node.Name}-{op.OperationName}",
            InterTileBindingNode => node.Name,
            _ => report.NodeCycles.TryGetValue(node.Name, out var cycles) ? $"{node.Name} = {cycles.ToString(CultureInfo.InvariantCulture)}" : node.Name,
        };
        output.WriteLine($"{prefix}{(last ? "└─ " : "├─ ")}{label}");
        var childPrefix = prefix + (last ? "   " : "│  ");
        for (var i = 0; i < node.Children.Count; i++)
        {
            WriteTree(output, mapping, node.Children[i], childPrefix, i == node.Children.Count - 1, report);
        }
    }

    private static void Table(TextWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        output.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))));
        }

        output.WriteLine();
    }
}
