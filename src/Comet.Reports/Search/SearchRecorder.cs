using System.Text;
using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>Takes a search's candidates in index order: writes each one's search.csv row to a temporary file beside search.csv and tallies what the end of the search needs, so memory does not grow with the space but by the tally's 16 bytes per costed candidate.</summary>
public sealed class SearchRecorder : IDisposable
{
    /// <summary>Appended to search.csv's path to name the temporary rows file beside it.</summary>
    public const string PartialSuffix = ".partial";

    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly string rowsPath;
    private StreamWriter? rows;

    /// <summary>Starts the rows of a search of <paramref name="space"/> in the temporary file <paramref name="rowsPath"/> (search.csv's path and <see cref="PartialSuffix"/>, unless search.csv may not be written), keeping the best <paramref name="top"/> by <paramref name="objective"/>.</summary>
    public SearchRecorder(TilingSpace space, SearchObjective objective, int top, string rowsPath)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(rowsPath);
        this.rowsPath = rowsPath;
        Tally = new SearchTally(objective, top);
        rows = new StreamWriter(rowsPath, false, Utf8, 1 << 16);
        SearchCsv.WriteHeader(rows, space);
    }

    /// <summary>The counts, the best candidates and every costed candidate's cycles and energy so far.</summary>
    public SearchTally Tally { get; }

    /// <summary>Writes <paramref name="candidate"/>'s row and tallies it (candidates must come in index order).</summary>
    public void Add(CandidateCost candidate)
    {
        ObjectDisposedException.ThrowIf(rows is null, this);
        Tally.Add(candidate);
        SearchCsv.WriteRow(rows, candidate);
    }

    /// <summary>Writes search.csv to <paramref name="csvPath"/>: the rows, the simulated columns of the top candidates filled from <paramref name="simulated"/>; deletes the temporary file.</summary>
    public void Complete(string csvPath, IReadOnlyDictionary<long, (SimulatedFigures Figures, int Rank)> simulated)
    {
        ObjectDisposedException.ThrowIf(rows is null, this);
        rows.Dispose();
        rows = null;
        using (var reader = new StreamReader(rowsPath, Utf8, false, 1 << 16))
        using (var output = new StreamWriter(csvPath, false, Utf8, 1 << 16))
        {
            SearchCsv.CopyWithSimulated(reader, output, simulated);
        }

        File.Delete(rowsPath);
    }

    /// <summary>Closes and deletes the temporary file if <see cref="Complete"/> did not run.</summary>
    public void Dispose()
    {
        if (rows is not null)
        {
            rows.Dispose();
            rows = null;
            File.Delete(rowsPath);
        }
    }
}
