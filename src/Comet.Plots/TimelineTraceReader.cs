using System.Globalization;
using Comet.Hardware.Inputs;
using CsvHelper;

namespace Comet.Plots;

/// <summary>Streams a trace CSV (the kernel's <c>CsvTraceSink</c> format) into a <see cref="TimelineAccumulator"/>, one row at a time.</summary>
public static class TimelineTraceReader
{
    /// <summary>The header every trace CSV starts with.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["start_cycle", "end_cycle", "component", "instance", "activity", "operation", "tensor", "tile", "bytes", "stall_reason"];

    /// <summary>Reads the trace at <paramref name="traceCsvPath"/> into <paramref name="accumulator"/>.</summary>
    /// <exception cref="InputException">The file is missing, unreadable, or a row is malformed (the message names the line and column).</exception>
    public static void Read(string traceCsvPath, TimelineAccumulator accumulator)
    {
        if (Directory.Exists(traceCsvPath))
        {
            throw new InputException(traceCsvPath, string.Empty, "is a folder, expected a trace CSV file");
        }

        CsvReader csv;
        try
        {
            csv = CsvReader.FromFile(traceCsvPath, CsvReaderOptions.Default with { TrackLineNumbers = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(traceCsvPath, string.Empty, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {e.Message}", inner: e);
        }

        using (csv)
        {
            try
            {
                ReadRows(csv, traceCsvPath, accumulator);
            }
            catch (CsvFormatException e)
            {
                throw new InputException(traceCsvPath, string.Empty, $"malformed CSV: {e.Message.ReplaceLineEndings(" ")}", inner: e);
            }
            catch (IOException e)
            {
                throw new InputException(traceCsvPath, string.Empty, $"cannot read the file: {e.Message}", inner: e);
            }
        }
    }

    /// <summary>Maps a trace row's activity and stall reason to its plot category; null when the activity is unknown.</summary>
    public static TimelineCategory? Categorize(string activity, string stallReason) => activity.Trim().ToLowerInvariant() switch
    {
        "read" => TimelineCategory.Read,
        "write" => TimelineCategory.Write,
        "transfer" => TimelineCategory.Transfer,
        "compute" => TimelineCategory.Compute,
        "collective" => TimelineCategory.Collective,
        "stall" => IsCollectiveWait(stallReason) ? TimelineCategory.CollectiveWait : TimelineCategory.Stall,
        _ => null,
    };

    /// <summary>Whether a stall with this reason is a wait for a collective: the reason starts with <c>collective</c>, ignoring case and leading white space.</summary>
    public static bool IsCollectiveWait(string stallReason) =>
        stallReason.TrimStart().StartsWith("collective", StringComparison.OrdinalIgnoreCase);

    private static void ReadRows(CsvReader csv, string path, TimelineAccumulator accumulator)
    {
        var header = csv.Headers;
        if (header.Count == 0)
        {
            throw new InputException(path, "header", "the trace is empty (expected a header line)", 1, 1);
        }

        for (var i = 0; i < Header.Count; i++)
        {
            if (i >= header.Count || !string.Equals(header[i].Trim(), Header[i], StringComparison.Ordinal))
            {
                throw new InputException(path, "header", $"column {i + 1} should be '{Header[i]}' (expected {string.Join(',', Header)})", 1, 1);
            }
        }

        // Component names repeat on millions of rows: keep each one's string once instead of decoding it per row.
        var names = new List<(byte[] Utf8, string Text)>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount < Header.Count - 1)
            {
                throw new InputException(path, $"row {csv.RowNumber}", $"has {csv.FieldCount} fields, expected {Header.Count}", line, 1);
            }

            var start = Long(csv, 0, path, line);
            var end = Long(csv, 1, path, line);
            var component = Name(names, csv.GetSpan(2));
            var instance = Long(csv, 3, path, line);
            if (start < 0 || end < start || end > TimelineAccumulator.MaxCycle)
            {
                throw new InputException(path, $"row {csv.RowNumber}.end_cycle", $"cycles [{start}, {end}) are not an interval within [0, 2^61]", line, 1);
            }

            if (instance is < 0 or > int.MaxValue)
            {
                throw new InputException(path, $"row {csv.RowNumber}.instance", $"instance {instance} is out of range", line, 1);
            }

            var category = Categorize(csv.GetSpan(4), csv.GetSpan(9))
                ?? throw new InputException(path, $"row {csv.RowNumber}.activity", $"unknown activity '{csv.GetString(4)}'", line, 1, "expected read, write, transfer, compute, collective or stall");
            accumulator.Add(component, (int)instance, start, end, category);
        }
    }

    private static TimelineCategory? Categorize(ReadOnlySpan<byte> activity, ReadOnlySpan<byte> stallReason)
    {
        activity = activity.Trim((byte)' ');
        if (activity.SequenceEqual("compute"u8))
        {
            return TimelineCategory.Compute;
        }

        if (activity.SequenceEqual("read"u8))
        {
            return TimelineCategory.Read;
        }

        if (activity.SequenceEqual("write"u8))
        {
            return TimelineCategory.Write;
        }

        if (activity.SequenceEqual("transfer"u8))
        {
            return TimelineCategory.Transfer;
        }

        if (activity.SequenceEqual("collective"u8))
        {
            return TimelineCategory.Collective;
        }

        if (activity.SequenceEqual("stall"u8))
        {
            return IsCollectiveWait(stallReason) ? TimelineCategory.CollectiveWait : TimelineCategory.Stall;
        }

        return Categorize(System.Text.Encoding.UTF8.GetString(activity), System.Text.Encoding.UTF8.GetString(stallReason));
    }

    // The same test as IsCollectiveWait(string) without decoding ASCII reasons, so a plot of the CSV matches one fed from the records.
    private static bool IsCollectiveWait(ReadOnlySpan<byte> stallReason)
    {
        if (!System.Text.Ascii.IsValid(stallReason))
        {
            return IsCollectiveWait(System.Text.Encoding.UTF8.GetString(stallReason));
        }

        var first = 0;
        while (first < stallReason.Length && char.IsWhiteSpace((char)stallReason[first]))
        {
            first++;
        }

        var rest = stallReason[first..];
        return rest.Length >= 10 && System.Text.Ascii.EqualsIgnoreCase(rest[..10], "collective"u8);
    }

    private static string Name(List<(byte[] Utf8, string Text)> names, ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in names)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return text;
            }
        }

        var name = System.Text.Encoding.UTF8.GetString(utf8);
        names.Add((utf8.ToArray(), name));
        return name;
    }

    private static long Long(CsvReader csv, int index, string path, long line)
    {
        var field = csv.GetSpan(index).Trim((byte)' ');
        if (!long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new InputException(path, $"row {csv.RowNumber}.{Header[index]}", $"'{System.Text.Encoding.UTF8.GetString(field)}' is not an integer", line, 1);
        }

        return value;
    }
}
