using Comet.Reports.Tracing;
using Comet.Sim;
using CsvHelper;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

public class PerfettoTraceSinkTests
{
    private static TraceRecord[] Sample() =>
    [
        new(0, 10, "GEMM", 3, ActivityKind.Compute, "Q·K", "S", 0, 4096, ""),
        new(10, 25, "DRAM", 0, ActivityKind.Read, "load", "K", -1, 65536, ""),
        new(12, 30, "GEMM", 3, ActivityKind.Stall, "Q·K", "S", 1, 0, "waiting on OB[3].space, \"full\""),
        new(5, 40, "NoC", 1, ActivityKind.Collective, "reduce", "S", 2, 1234567890123, ""),
        new(8, 20, "GEMM", 3, ActivityKind.Read, "", "", -1, 64, ""),
        new(40, 40, "NoC", 1, ActivityKind.Transfer, "", "S", 7, 0, ""),
    ];

    private static byte[] Perfetto(IEnumerable<TraceRecord> records)
    {
        using var ms = new MemoryStream();
        using (var sink = new PerfettoTraceSink(ms, leaveOpen: true))
        {
            foreach (var r in records)
                sink.Write(r);
        }
        return ms.ToArray();
    }

    private static List<string[]> CsvRows(IEnumerable<TraceRecord> records)
    {
        using var ms = new MemoryStream();
        using (var sink = new CsvTraceSink(ms, leaveOpen: true))
        {
            foreach (var r in records)
                sink.Write(r);
        }
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, ms.ToArray());
            using var reader = CsvReader.FromFile(path);
            var rows = new List<string[]>();
            while (reader.Read())
                rows.Add(CsvTraceSink.Columns.Select(c => reader.GetString(c)).ToArray());
            return rows;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void DecodedSlices_EqualTheCsvRows_InNumberNameTrackAndTimestamps()
    {
        var decoded = PerfettoTraceDecoder.Decode(Perfetto(Sample()));
        var rows = CsvRows(Sample());

        Assert.That(decoded.Slices, Has.Count.EqualTo(rows.Count));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var slice = decoded.Slices[i];
            Assert.That(slice.Begin, Is.EqualTo(ulong.Parse(row[0])), $"row {i} start");
            Assert.That(slice.End, Is.EqualTo(ulong.Parse(row[1])), $"row {i} end");
            Assert.That(slice.Track, Does.StartWith($"{row[2]}[{row[3]}]"), $"row {i} track");
            Assert.That(slice.Category, Is.EqualTo(row[4]));
            Assert.That(slice.Name, Is.EqualTo(row[5].Length > 0 ? row[5] : row[4]));
            Assert.That(slice.Arguments["bytes"], Is.EqualTo(long.Parse(row[8])));
            Assert.That(slice.Arguments.ContainsKey("tile"), Is.EqualTo(row[7].Length > 0));
            Assert.That(slice.Arguments.GetValueOrDefault("tensor", ""), Is.EqualTo(row[6]));
            Assert.That(slice.Arguments.GetValueOrDefault("stall_reason", ""), Is.EqualTo(row[9]));
        }
    }

    [Test]
    public void Tracks_AreOnePerComponentInstance_UnderOnePerComponent_UnderARootStatingTheScale()
    {
        var decoded = PerfettoTraceDecoder.Decode(Perfetto(Sample()));
        var root = decoded.Tracks.Single(t => t.Value.Parent == 0);
        Assert.That(root.Value.Name, Does.Contain("1 ns = 1 cycle"));
        var components = decoded.Tracks.Where(t => t.Value.Parent == root.Key).Select(t => t.Value.Name).ToList();
        Assert.That(components, Is.EqualTo(new[] { "GEMM", "DRAM", "NoC" }));

        // GEMM[3] gets [0,10), then [12,30) and [8,20) overlap partially, so [8,20) goes to a second track.
        var instances = decoded.Tracks.Where(t => t.Value.Parent > root.Key).Select(t => t.Value.Name).ToList();
        Assert.That(instances, Is.EqualTo(new[] { "GEMM[3]", "DRAM[0]", "NoC[1]", "GEMM[3] #1" }));
        Assert.That(decoded.Slices[4].Track, Is.EqualTo("GEMM[3] #1"));
        Assert.That(decoded.FirstPacketFlags, Is.EqualTo(1u), "the first packet clears the sequence's incremental state");
    }

    [Test]
    public void SlicesOnOneTrack_NestOrAreDisjoint_SoPerfettoDrawsThemAsWritten()
    {
        var random = new Random(7);
        var records = new List<TraceRecord>();
        for (var i = 0; i < 2000; i++)
        {
            var start = random.Next(0, 5000);
            records.Add(new TraceRecord(start, start + random.Next(0, 300), "SE", random.Next(0, 4), ActivityKind.Compute, "op", "T", i, 1, ""));
        }
        records.Sort((a, b) => a.End.CompareTo(b.End));

        var decoded = PerfettoTraceDecoder.Decode(Perfetto(records));

        Assert.That(decoded.Slices, Has.Count.EqualTo(records.Count));
        foreach (var track in decoded.Slices.GroupBy(s => s.Track))
        {
            var slices = track.ToList();
            for (var i = 0; i < slices.Count; i++)
            {
                for (var j = i + 1; j < slices.Count; j++)
                {
                    var (a, b) = (slices[i], slices[j]);
                    var disjoint = a.End <= b.Begin || b.End <= a.Begin;
                    var nested = (a.Begin <= b.Begin && b.End <= a.End) || (b.Begin <= a.Begin && a.End <= b.End);
                    Assert.That(disjoint || nested, Is.True, $"{track.Key}: [{a.Begin},{a.End}) and [{b.Begin},{b.End}) cross");
                }
            }
        }
    }

    [Test]
    public void IdenticalRecords_GiveByteIdenticalFiles_SmallerThanTheJson()
    {
        var records = Enumerable.Range(0, 1000).Select(i => new TraceRecord(i * 10, (i * 10) + 7, "GEMM", i % 4, ActivityKind.Compute, "matmul", "C", i, 4096, "")).ToArray();
        var first = Perfetto(records);
        var second = Perfetto(records);
        Assert.That(second, Is.EqualTo(first));

        using var json = new MemoryStream();
        using (var sink = new ChromeTraceSink(json, leaveOpen: true))
        {
            foreach (var r in records)
                sink.Write(r);
        }
        Assert.That(first.Length, Is.LessThan(json.Length / 2), "interned names and varints make the protobuf less than half the JSON");
    }

    [Test]
    public void Write_RecordEndingBeforeItStarts_Throws()
    {
        using var sink = new PerfettoTraceSink(new MemoryStream());
        Assert.That(() => sink.Write(new TraceRecord(10, 5, "X", 0, ActivityKind.Read, "", "", -1, 0, "")), Throws.ArgumentException);
    }
}
