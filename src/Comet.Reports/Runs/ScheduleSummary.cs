using System.Text.Json;
using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>The part of summary.json about how instances and tiles were scheduled: the three modes, idle time per instance and reason, and bytes moved per level and tensor.</summary>
/// <remarks>Written only when a schedule other than the lock-step, no-reuse one ran, so that schedule's summary stays byte-identical to the one before these keys.</remarks>
public static class ScheduleSummary
{
    /// <summary>Writes <c>instances</c>, <c>reuse</c> and <c>prefetch</c> (after <c>network</c>).</summary>
    public static void WriteModes(Utf8JsonWriter w, ExecutionOptions execution)
    {
        if (execution.IsLegacySchedule)
        {
            return;
        }

        w.WriteString("instances", execution.Instances == InstanceSync.Free ? "free" : "lockstep");
        w.WriteString("reuse", execution.Reuse == TileReuse.CrossInvocation ? "cross-invocation" : "none");
        w.WriteString("prefetch", execution.Prefetch == PrefetchMode.NextInvocation ? "next-invocation" : "none");
    }

    /// <summary>Writes <c>idle</c> (per instance that idled: cycles by reason) and <c>bytes_moved</c> (per parent level, level and tensor).</summary>
    public static void WriteFigures(Utf8JsonWriter w, ExecutionOptions execution, SimulationResult result)
    {
        if (execution.IsLegacySchedule)
        {
            return;
        }

        w.WriteStartArray("idle");
        foreach (var i in result.Idle ?? [])
        {
            w.WriteStartObject();
            w.WriteString("component", i.Component);
            w.WriteNumber("instance", i.Instance);
            w.WriteNumber("operands", i.Operands);
            w.WriteNumber("space", i.Space);
            w.WriteNumber("collective", i.Collective);
            w.WriteNumber("binding", i.Binding);
            w.WriteNumber("total", i.Total);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("bytes_moved");
        foreach (var t in result.Traffic ?? [])
        {
            w.WriteStartObject();
            w.WriteString("from", t.Parent);
            w.WriteString("level", t.Level);
            w.WriteString("tensor", t.Tensor);
            w.WriteNumber("bytes_in", t.BytesIn);
            w.WriteNumber("bytes_out", t.BytesOut);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
