using System.Globalization;
using Comet.Hardware.Inputs;
using Comet.Reports.Sweeps;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using Comet.Workloads.Validation;

namespace Comet.Reports.SearchCalibration;

/// <summary>Reads the simulated top k of a <c>comet search</c> output folder: search.csv's rows with simulated cycles, and the model's terms of their case folders under <c>top/</c>.</summary>
public static class SearchSamples
{
    /// <summary>The samples of <paramref name="searchFolder"/>, in top-rank order.</summary>
    /// <exception cref="InputException">The folder has no search.csv, it lacks a column, or a simulated row has no case folder <c>top/NN-iINDEX</c>.</exception>
    public static IReadOnlyList<SearchSample> Read(string searchFolder)
    {
        var csv = Path.Combine(searchFolder, "search.csv");
        if (!File.Exists(csv))
        {
            throw new InputException(searchFolder, "--from-search", "holds no search.csv (give the output folder of comet search or comet merge)");
        }

        var lines = File.ReadAllLines(csv);
        var header = lines.Length > 0 ? ValidationCsv.Cells(lines[0]) : [];
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InputException(csv, name, "search.csv has no such column");
        var (index, simulated, rank) = (Column("index"), Column("simulated_cycles"), Column("top_rank"));
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(searchFolder)));
        var top = Path.Combine(searchFolder, "top");
        var samples = new List<SearchSample>();
        for (var line = 1; line < lines.Length; line++)
        {
            var cells = ValidationCsv.Cells(lines[line]);
            if (cells.Count <= Math.Max(index, Math.Max(simulated, rank)) || !long.TryParse(cells[simulated], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cycles) || cycles <= 0)
            {
                continue;
            }

            var folder = Directory.Exists(top) ? Directory.GetDirectories(top, $"*-i{cells[index]}").FirstOrDefault() : null;
            if (folder is null)
            {
                throw new InputException(csv, $"line {line + 1}", $"candidate {cells[index]} was simulated but {Path.Combine("top", "NN-i" + cells[index])} is missing");
            }

            var caseName = $"{name}/top/{Path.GetFileName(folder)}";
            samples.Add(new SearchSample(name, int.Parse(cells[rank], CultureInfo.InvariantCulture), new CalibrationSample(caseName, name, Terms(folder), cycles, ValidationCalibrationReport.FolderInputsHash(folder))));
        }

        return [.. samples.OrderBy(s => s.TopRank)];
    }

    /// <summary>The model's CS/OS/TMW terms of a case folder (summed over the steps of an unfused sequence folder).</summary>
    public static double[] Terms(string folder)
    {
        if (!SequenceFolder.IsSequence(folder))
        {
            return CycleTerms.Of(AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(folder), new AnalyticOptions(false)));
        }

        var sequence = SequenceFolder.Open(folder);
        var sum = new double[CycleTerms.Names.Count];
        foreach (var step in sequence.Steps)
        {
            var terms = CycleTerms.Of(AnalyticalModel.Evaluate(sequence.Load(step), new AnalyticOptions(false)));
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] += terms[j];
            }
        }

        return sum;
    }
}
