using System.CommandLine;
using Comet.Hardware.Inputs;
using Comet.Workloads.Execution;

namespace Comet.Cli.Commands;

/// <summary>The <c>--instances</c> and <c>--reuse</c> options of the simulating verbs: how fan-out instances step through their parent's loop, and whether tiles stay resident across invocations.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The instance synchronisation option.</summary>
    public Option<string> Instances { get; } = new("--instances") { Description = "How the instances of a fan-out step through their parent's loop: free (each starts a tile step when its own tiles and space are ready; they meet only at collectives, children run once for all of them and multicast tiles) or lockstep (the parent waits for every instance and every destination of a tile before its next iteration; COMET's picture).", DefaultValueFactory = _ => "free" };

    /// <summary>The cross-invocation reuse option.</summary>
    public Option<string> Reuse { get; } = new("--reuse") { Description = "Whether a tile stays in a buffer for the next invocation that needs the same tile: cross-invocation (kept unless its space is needed, not fetched again) or none (every invocation fetches its tiles afresh).", DefaultValueFactory = _ => "cross-invocation" };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Instances);
        command.Options.Add(Reuse);
    }

    /// <summary>The executor knobs <paramref name="execution"/> with the parsed values of both options (defaults when <paramref name="parse"/> is null).</summary>
    public ExecutionOptions Apply(ParseResult? parse, ExecutionOptions execution) =>
        Parse(parse?.GetValue(Instances) ?? "free", parse?.GetValue(Reuse) ?? "cross-invocation", execution);

    /// <summary>Parses an <c>--instances</c> and a <c>--reuse</c> value into <paramref name="execution"/>'s knobs.</summary>
    public static ExecutionOptions Parse(string instances, string reuse, ExecutionOptions execution) => execution with
    {
        Instances = instances.ToLowerInvariant() switch
        {
            "free" => InstanceSync.Free,
            "lockstep" or "lock-step" => InstanceSync.Lockstep,
            _ => throw new InputException("--instances", string.Empty, $"unknown instance mode '{instances}' (expected free or lockstep)"),
        },
        Reuse = reuse.ToLowerInvariant() switch
        {
            "cross-invocation" => TileReuse.CrossInvocation,
            "none" => TileReuse.None,
            _ => throw new InputException("--reuse", string.Empty, $"unknown reuse mode '{reuse}' (expected cross-invocation or none)"),
        },
    };
}
