using System.Globalization;
using System.Text;

namespace Comet.Bench;

/// <summary>Kernel benchmarks: hold, store and resource scenarios against a raw <see cref="PriorityQueue{TElement,TPriority}"/> loop of the same event count.</summary>
public static class KernelBench
{
    private const int Repetitions = 3;

    /// <summary>Runs the group and returns the exit code; <c>--json</c> prints one JSON object instead of a table, <c>--only NAME</c> runs one scenario, <c>--quick</c> a tenth of the events.</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var quick = args.Contains("--quick");
        var scale = quick ? 0.1 : 1.0;
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        bool Wanted(string name) => only is null || only == name;
        var results = new List<KernelScenarioResult>();
        foreach (var n in Wanted("hold") ? new[] { 1, 100, 1000, 100_000 } : [])
        {
            var events = (long)(scale * (n >= 100_000 ? 4_000_000 : 5_000_000));
            var ours = Best(() => KernelScenarios.Hold(n, events));
            var limit = Best(() => KernelScenarios.RawQueue(n, events));
            results.Add(new KernelScenarioResult("hold", n, ours.Events, ours.EventsPerSecond, limit.EventsPerSecond, ours.BytesPerEvent));
            if (!json)
                Console.Error.WriteLine($"hold n={n} done");
        }
        if (Wanted("store"))
        {
            var store = Best(() => KernelScenarios.Store((long)(scale * 5_000_000)));
            results.Add(new KernelScenarioResult("store", 2, store.Events, store.EventsPerSecond, null, store.BytesPerEvent));
        }
        if (Wanted("resource"))
        {
            var resource = Best(() => KernelScenarios.Resource(KernelScenarios.ResourceUsers, (long)(scale * 5_000_000)));
            results.Add(new KernelScenarioResult("resource", KernelScenarios.ResourceUsers, resource.Events, resource.EventsPerSecond, null, resource.BytesPerEvent));
        }

        Console.WriteLine(json ? ToJson(results) : ToTable(results));
        return 0;
    }

    private static KernelMeasurement Best(Func<KernelMeasurement> run)
    {
        KernelMeasurement? best = null;
        for (var i = 0; i < Repetitions; i++)
        {
            var m = run();
            if (best is null || m.EventsPerSecond > best.Value.EventsPerSecond)
                best = m with { BytesPerEvent = Math.Min(m.BytesPerEvent, best?.BytesPerEvent ?? double.MaxValue) };
        }
        return best!.Value;
    }

    private static string ToJson(List<KernelScenarioResult> results)
    {
        var sb = new StringBuilder("{\"scenarios\":[");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (i > 0)
                sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture,
                $"{{\"name\":\"{r.Name}\",\"n\":{r.N},\"events\":{r.Events},\"events_per_s\":{Math.Round(r.EventsPerSecond)},");
            sb.Append("\"limit_events_per_s\":")
              .Append(r.LimitEventsPerSecond is { } l ? Math.Round(l).ToString(CultureInfo.InvariantCulture) : "null");
            sb.Append(CultureInfo.InvariantCulture, $",\"alloc_bytes_per_event\":{Math.Round(r.BytesPerEvent, 2)}}}");
        }
        return sb.Append("]}").ToString();
    }

    private static string ToTable(List<KernelScenarioResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"scenario",-10} {"n",8} {"events",10} {"events/s",12} {"limit/s",12} {"of limit",9} {"B/event",8}");
        foreach (var r in results)
        {
            var limit = r.LimitEventsPerSecond is { } l ? l.ToString("N0", CultureInfo.InvariantCulture) : "-";
            var share = r.LimitEventsPerSecond is { } l2 ? (r.EventsPerSecond / l2).ToString("P0", CultureInfo.InvariantCulture) : "-";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Name,-10} {r.N,8} {r.Events,10} {r.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture),12} {limit,12} {share,9} {r.BytesPerEvent.ToString("F2", CultureInfo.InvariantCulture),8}");
        }
        return sb.ToString();
    }
}
