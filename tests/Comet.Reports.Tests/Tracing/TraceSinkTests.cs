using System.Text.Json;
using Comet.Reports.Tracing;
using Comet.Sim;
using CsvHelper;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

public class TraceSinkTests
{
    private string _dir = "";

    [SetUp]
    public void MakeFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "comet-sim-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static TraceRecord[] Sample() =>
    [
        new(0, 10, "GEMM", 3, ActivityKind.Compute, "Q·K", "S", 0, 4096, ""),
        new(10, 25, "DRAM", 0, ActivityKind.Read, "load", "K", -1, 65536, ""),
        new(12, 30, "GEMM", 3, ActivityKind.Stall, "Q·K", "S", 1, 0, "waiting on OB[3].space, \"full\""),
        new(5, 40, "NoC", 1, ActivityKind.Collective, "reduce", "S", 2, 1234567890123, ""),
    ];

    [Test]
    public void Csv_HasTheContractHeader_AndReadsBackField_ByField()
    {
        var path = Path.Combine(_dir, "trace.csv");
        using (var sink = new CsvTraceSink(path))
        {
            foreach (var r in Sample())
                sink.Write(r);
        }
        var text = File.ReadAllText(path);
        Assert.That(text, Does.StartWith("start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason\n"));
        Assert.That(text, Does.Not.Contain("\r"));

        using var reader = CsvReader.FromFile(path);
        Assert.That(reader.Headers, Is.EqualTo(CsvTraceSink.Columns));
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(CsvTraceSink.Columns.Select(c => reader.GetString(c)).ToArray());
        Assert.That(rows, Has.Count.EqualTo(4));
        Assert.That(rows[0], Is.EqualTo(new[] { "0", "10", "GEMM", "3", "compute", "Q·K", "S", "0", "4096", "" }));
        Assert.That(rows[1][7], Is.Empty, "a negative tile is written empty");
        Assert.That(rows[2][4], Is.EqualTo("stall"));
        Assert.That(rows[2][9], Is.EqualTo("waiting on OB[3].space, \"full\""));
        Assert.That(rows[3][8], Is.EqualTo("1234567890123"));
    }

    [Test]
    public void BothSinks_AreByteIdentical_ForIdenticalInput()
    {
        byte[] Csv()
        {
            using var ms = new MemoryStream();
            using (var sink = new CsvTraceSink(ms, leaveOpen: true))
                foreach (var r in Sample())
                    sink.Write(r);
            return ms.ToArray();
        }
        byte[] Chrome()
        {
            using var ms = new MemoryStream();
            using (var sink = new ChromeTraceSink(ms, leaveOpen: true))
                foreach (var r in Sample())
                    sink.Write(r);
            return ms.ToArray();
        }
        var csv = Csv();
        var chrome = Chrome();
        Assert.That(Csv(), Is.EqualTo(csv));
        Assert.That(Chrome(), Is.EqualTo(chrome));
        Assert.That(chrome, Has.Length.GreaterThan(csv.Length));
    }

    [Test]
    public void Chrome_IsWellFormed_StatesCycles_AndNamesOneTrackPerInstance()
    {
        var path = Path.Combine(_dir, "trace.json");
        using (var sink = new ChromeTraceSink(path))
        {
            foreach (var r in Sample())
                sink.Write(r);
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("otherData").GetProperty("time_unit").GetString(), Is.EqualTo("cycles"));
        var events = root.GetProperty("traceEvents").EnumerateArray().ToList();
        var slices = events.Where(e => e.GetProperty("ph").GetString() == "X").ToList();
        Assert.That(slices, Has.Count.EqualTo(4));
        var threadNames = events.Where(e => e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        // GEMM[3]'s stall [12,30) partially overlaps its compute [0,10)? No: they are disjoint, so one track suffices.
        Assert.That(threadNames, Is.EqualTo(new[] { "GEMM[3]", "DRAM[0]", "NoC[1]" }));
        var stall = slices.Single(s => s.GetProperty("cat").GetString() == "stall");
        Assert.That(stall.GetProperty("ts").GetInt64(), Is.EqualTo(12));
        Assert.That(stall.GetProperty("dur").GetInt64(), Is.EqualTo(18));
        Assert.That(stall.GetProperty("args").GetProperty("stall_reason").GetString(), Is.EqualTo("waiting on OB[3].space, \"full\""));
    }

    [Test]
    public void Chrome_PartialOverlap_GoesToAnExtraLane_NestingStaysOnTheMainTrack()
    {
        var path = Path.Combine(_dir, "lanes.json");
        using (var sink = new ChromeTraceSink(path))
        {
            sink.Write(new TraceRecord(2, 8, "SIMD", 0, ActivityKind.Compute, "exp", "S", 0, 0, ""));
            sink.Write(new TraceRecord(10, 15, "SIMD", 0, ActivityKind.Compute, "sum", "S", 0, 0, ""));
            sink.Write(new TraceRecord(0, 20, "SIMD", 0, ActivityKind.Compute, "softmax", "S", 0, 0, "")); // contains both
            sink.Write(new TraceRecord(18, 25, "SIMD", 0, ActivityKind.Compute, "div", "S", 0, 0, "")); // straddles 20
        }
        var slices = ReadSlices(path);
        var byName = slices.ToDictionary(s => s.Name, s => s.Tid);
        Assert.That(byName["exp"], Is.EqualTo(byName["softmax"]));
        Assert.That(byName["sum"], Is.EqualTo(byName["softmax"]));
        Assert.That(byName["div"], Is.Not.EqualTo(byName["softmax"]));
        AssertStrictlyNested(slices);
    }

    [Test]
    public void Chrome_ALongerSliceStartingWithAShorterOne_GoesToAnExtraLane()
    {
        var path = Path.Combine(_dir, "same-start.json");
        using (var sink = new ChromeTraceSink(path))
        {
            sink.Write(new TraceRecord(0, 10, "GEMM", 0, ActivityKind.Compute, "tile", "C", 0, 0, ""));
            sink.Write(new TraceRecord(0, 30, "GEMM", 0, ActivityKind.Compute, "layer", "C", -1, 0, ""));
            sink.Write(new TraceRecord(5, 30, "GEMM", 0, ActivityKind.Stall, "drain", "C", -1, 0, "OB full"));
        }
        var slices = ReadSlices(path).ToDictionary(s => s.Name, s => s.Tid);
        Assert.That(slices["layer"], Is.Not.EqualTo(slices["tile"]));
        Assert.That(slices["drain"], Is.EqualTo(slices["layer"]), "same end, later start: nests inside the layer");
    }

    [TestCase(1)]
    [TestCase(50)] // coarse times: many slices share starts and ends
    public void Chrome_ManyRandomSlices_NestStrictlyOnEveryTrack(int grain)
    {
        var path = Path.Combine(_dir, "random.json");
        var random = new SimRandom(5);
        var records = new List<TraceRecord>();
        for (var i = 0; i < 5000; i++)
        {
            var start = random.NextInt64(0, 20_000) / grain * grain;
            var end = start + random.NextInt64(0, 300) / grain * grain;
            records.Add(new TraceRecord(start, end, i % 3 == 0 ? "DMA" : "GEMM", random.Next(3), ActivityKind.Transfer, $"op{i}", "T", i, 64, ""));
        }
        // Mostly written when activities end (as a simulation does), with every tenth record out of order.
        var ordered = records.OrderBy(r => r.End).ToList();
        for (var i = 0; i + 10 < ordered.Count; i += 10)
            (ordered[i], ordered[i + 10]) = (ordered[i + 10], ordered[i]);
        using (var sink = new ChromeTraceSink(path))
        {
            foreach (var r in ordered)
                sink.Write(r);
        }
        var slices = ReadSlices(path);
        Assert.That(slices, Has.Count.EqualTo(5000));
        AssertStrictlyNested(slices);
    }

    [Test]
    public void Composite_FansOutToEverySink()
    {
        var csvPath = Path.Combine(_dir, "a.csv");
        var jsonPath = Path.Combine(_dir, "a.json");
        using (var sink = new CompositeTraceSink(new CsvTraceSink(csvPath), new ChromeTraceSink(jsonPath)))
        {
            foreach (var r in Sample())
                sink.Write(r);
            sink.Flush();
        }
        Assert.That(File.ReadAllLines(csvPath), Has.Length.EqualTo(5));
        Assert.That(ReadSlices(jsonPath), Has.Count.EqualTo(4));
    }

    private sealed record Slice(string Name, int Pid, int Tid, long Start, long End);

    private static List<Slice> ReadSlices(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "X")
            .Select(e => new Slice(e.GetProperty("name").GetString()!, e.GetProperty("pid").GetInt32(), e.GetProperty("tid").GetInt32(),
                e.GetProperty("ts").GetInt64(), e.GetProperty("ts").GetInt64() + e.GetProperty("dur").GetInt64()))
            .ToList();
    }

    private static void AssertStrictlyNested(List<Slice> slices)
    {
        foreach (var track in slices.GroupBy(s => (s.Pid, s.Tid)))
        {
            // Sorted by start, longest first: every slice must end inside whatever encloses its start.
            var stack = new Stack<Slice>();
            foreach (var s in track.OrderBy(s => s.Start).ThenByDescending(s => s.End))
            {
                while (stack.Count > 0 && stack.Peek().End <= s.Start)
                    stack.Pop();
                if (stack.Count > 0)
                    Assert.That(s.End, Is.LessThanOrEqualTo(stack.Peek().End), $"{s} partially overlaps {stack.Peek()}; track: {string.Join(" ", track.Where(t => t.End > s.Start - 400 && t.Start < s.End + 400).OrderBy(t => t.Start).Select(t => $"[{t.Start},{t.End})"))}");
                stack.Push(s);
            }
        }
    }
}
