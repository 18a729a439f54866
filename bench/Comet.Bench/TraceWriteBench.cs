using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comet.Reports.Tracing;
using Comet.Sim;
using CsvHelper;

namespace Comet.Bench;

/// <summary>What writing a full trace costs without the simulation: a raw trace (<c>comet simulate --trace raw --trace-format csv</c>) replayed through the writers of <c>--trace full</c> (merging, CSV, Chrome JSON) on one thread.</summary>
/// <remarks>
/// The records are read once into memory, each distinct string kept as one instance (as the simulator passes them),
/// then written <c>--rounds</c> times to a temporary folder; the figures are the median round's wall and thread CPU
/// and the bytes written. With <c>--out DIR</c> (a new or empty folder) the last round's files stay in DIR, so they can be compared with a run's;
/// <c>--formats</c> keeps only the CSV or only the JSON writer (or neither: merging alone);
/// with <c>--discard</c> the bytes are counted and dropped, which leaves out the operating system's share (page cache
/// copies), the noisiest part of a round.
/// </remarks>
public static class TraceWriteBench
{
    /// <summary>Runs the group and returns the exit code: <c>trace --raw FILE [--rounds N] [--formats both|csv|json|none] [--out DIR | --discard] [--json]</c>.</summary>
    public static int Run(string[] args)
    {
        var raw = BenchArguments.Value(args, "--raw");
        if (raw is null || !File.Exists(raw))
        {
            Console.Error.WriteLine("usage: Comet.Bench trace --raw RAW_TRACE.csv [--rounds N] [--formats both|csv|json|none] [--out DIR | --discard] [--json]");
            return 2;
        }

        if (!int.TryParse(BenchArguments.Value(args, "--rounds") ?? "3", NumberStyles.Integer, CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
        {
            Console.Error.WriteLine("error: --rounds: expected a whole number of at least 1");
            return 2;
        }

        var keep = BenchArguments.Value(args, "--out");
        var discard = args.Contains("--discard");
        var formats = BenchArguments.Value(args, "--formats") ?? "both";
        if (formats is not ("both" or "csv" or "json" or "none"))
        {
            Console.Error.WriteLine($"error: --formats: unknown value '{formats}' (expected both, csv, json or none)");
            return 2;
        }
        if (keep is not null && Directory.Exists(keep) && Directory.EnumerateFileSystemEntries(keep).Any())
        {
            Console.Error.WriteLine($"error: {keep}: --out: the folder is not empty (the bench writes only into a new or empty folder)");
            return 2;
        }

        if (Read(raw) is not { } records)
        {
            return 2;
        }

        var folder = keep ?? Directory.CreateTempSubdirectory("comet-trace-bench").FullName;
        Directory.CreateDirectory(folder);
        var walls = new List<double>();
        var cpus = new List<double>();
        var allocated = new List<double>();
        long csvBytes = 0, jsonBytes = 0;
        for (var r = 0; r < rounds; r++)
        {
            var csv = Path.Combine(folder, "trace.csv");
            var json = Path.Combine(folder, "trace.json");
            CountingStream? csvCount = null, jsonCount = null;
            var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            var cpu0 = ThreadCpuTime.Seconds();
            var watch = Stopwatch.StartNew();
            var writers = new List<ITraceSink>();
            if (formats is "both" or "csv")
            {
                writers.Add(discard ? new CsvTraceSink(csvCount = new CountingStream()) : new CsvTraceSink(csv));
            }

            if (formats is "both" or "json")
            {
                writers.Add(discard ? new ChromeTraceSink(jsonCount = new CountingStream()) : new ChromeTraceSink(json));
            }

            using (var sink = new CoalescingTraceSink(new CompositeTraceSink([.. writers])))
            {
                foreach (ref readonly var record in records.AsSpan())
                {
                    sink.Write(record);
                }
            }

            walls.Add(watch.Elapsed.TotalSeconds);
            cpus.Add(ThreadCpuTime.Seconds() - cpu0);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated0);
            csvBytes = csvCount?.Length ?? (File.Exists(csv) ? new FileInfo(csv).Length : 0);
            jsonBytes = jsonCount?.Length ?? (File.Exists(json) ? new FileInfo(json).Length : 0);
        }

        if (keep is null)
        {
            Directory.Delete(folder, recursive: true);
        }

        var wall = BenchStatistics.Median(walls);
        var cpuMedian = BenchStatistics.Median(cpus);
        var bytesPerRecord = BenchStatistics.Median(allocated) / Math.Max(1, records.Length);
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["records"] = records.Length,
                ["rounds"] = rounds,
                ["wall_s"] = Math.Round(wall, 3),
                ["thread_cpu_s"] = Math.Round(cpuMedian, 3),
                ["ns_per_record"] = Math.Round(cpuMedian * 1e9 / Math.Max(1, records.Length), 1),
                ["allocated_bytes_per_record"] = Math.Round(bytesPerRecord, 1),
                ["trace_csv_bytes"] = csvBytes,
                ["trace_json_bytes"] = jsonBytes,
            }));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{records.Length} records, median of {rounds}: {wall:F2} s wall, {cpuMedian:F2} s thread CPU ({cpuMedian * 1e9 / Math.Max(1, records.Length):F0} ns per record), {bytesPerRecord:F1} B allocated per record; trace.csv {csvBytes} B, trace.json {jsonBytes} B"));
        }

        return 0;
    }

    /// <summary>The records of a raw trace CSV, each distinct string one instance; null (after one error line on stderr) when a row is not a trace row.</summary>
    private static TraceRecord[]? Read(string path)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Keep(string s) => strings.TryGetValue(s, out var kept) ? kept : strings[s] = s;
        var kinds = Enum.GetValues<Comet.Sim.ActivityKind>().ToDictionary(k => k.ToString().ToLowerInvariant());
        var columns = CsvTraceSink.Columns;
        var list = new List<TraceRecord>();
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { TrackLineNumbers = true });
        if (!csv.Headers.Select(h => h.Trim()).SequenceEqual(columns))
        {
            Console.Error.WriteLine($"error: {path}:1:1: header: expected {string.Join(',', columns)}");
            return null;
        }

        while (csv.Read())
        {
            var column = 0;
            try
            {
                // An empty last field (no stall reason) may be read as no field at all.
                if (csv.FieldCount < columns.Count - 1 || csv.FieldCount > columns.Count)
                {
                    throw new FormatException($"has {csv.FieldCount} fields, expected {columns.Count}");
                }

                long Number(int i)
                {
                    column = i;
                    var text = csv.GetString(i);
                    return i == 7 && text.Length == 0 ? -1 : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{text}' is not an integer");
                }

                var start = Number(0);
                var end = Number(1);
                var instance = Number(3);
                column = 4;
                var activity = kinds.TryGetValue(csv.GetString(4), out var kind) ? kind : throw new FormatException($"unknown activity '{csv.GetString(4)}'");
                var tile = Number(7);
                var bytes = Number(8);
                if (instance is < int.MinValue or > int.MaxValue)
                {
                    column = 3;
                    throw new FormatException($"instance {instance} is out of range");
                }

                list.Add(new TraceRecord(start, end, Keep(csv.GetString(2)), (int)instance, activity, Keep(csv.GetString(5)), Keep(csv.GetString(6)), tile, bytes, csv.FieldCount > 9 ? Keep(csv.GetString(9)) : ""));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {path}:{csv.LineNumber}:1: {columns[column]}: {e.Message}");
                return null;
            }
        }

        return [.. list];
    }

    /// <summary>A stream that counts what is written to it and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
