using System.Text.Json;
using Comet.Reports.Tracing;
using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

public class ChromeTraceOfARunTests
{
    [Test]
    public void ChromeTrace_SlicesNestPerTrack()
    {
        using var stream = new MemoryStream();
        var sim = new Simulation { Trace = new ChromeTraceSink(stream, leaveOpen: true) };
        new DataflowExecutor(CometInputLoader.LoadFolder(ReferenceCases.Case("gemm_only")), sim).Run();
        sim.Trace.Dispose();
        stream.Position = 0;
        using var doc = JsonDocument.Parse(stream);
        var events = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("traceEvents");
        var tracks = new Dictionary<(int, int), List<(double Start, double End)>>();
        foreach (var e in events.EnumerateArray())
        {
            if (e.GetProperty("ph").GetString() != "X")
            {
                continue;
            }

            var key = (e.GetProperty("pid").GetInt32(), e.GetProperty("tid").GetInt32());
            var ts = e.GetProperty("ts").GetDouble();
            var dur = e.GetProperty("dur").GetDouble();
            (tracks.TryGetValue(key, out var list) ? list : tracks[key] = []).Add((ts, ts + dur));
        }

        Assert.That(tracks, Has.Count.GreaterThan(10));
        foreach (var (key, slices) in tracks)
        {
            var ordered = slices.OrderBy(s => s.Start).ThenByDescending(s => s.End).ToList();
            var open = new Stack<(double Start, double End)>();
            foreach (var s in ordered)
            {
                while (open.Count > 0 && open.Peek().End <= s.Start)
                {
                    open.Pop();
                }

                if (open.Count > 0 && s.End > open.Peek().End)
                {
                    Assert.Fail($"track {key}: [{s.Start},{s.End}) overlaps [{open.Peek().Start},{open.Peek().End}) without nesting");
                }
                open.Push(s);
            }
        }
    }
}
