using System.CommandLine;
using Comet.Hardware.Components;
using Comet.Hardware.Inputs;
using Comet.Workloads.Collectives;
using Comet.Workloads.Execution;

namespace Comet.Cli.Commands;

/// <summary>The mechanism options of the simulating verbs (<c>--network</c>, <c>--transfers</c>, <c>--collectives</c>, <c>--instances</c>, <c>--reuse</c>, <c>--prefetch</c>): each switches one simulated mechanism to the formula's assumption.</summary>
public sealed class MechanismOptions
{
    /// <summary>The mesh switching option.</summary>
    public Option<string> Network { get; } = new("--network") { Description = "How the meshes move data: cut-through (transfers cut into packets of packet_bytes; a packet's head goes on as it arrives, its body streams behind: H·h + bytes ÷ link rate; flows share links packet by packet) or store-and-forward (COMET's assumption: a transfer is one packet received whole at every router: H·(h + bytes ÷ link rate)).", DefaultValueFactory = _ => "cut-through" };

    /// <summary>The transfer mode option.</summary>
    public Option<string> Transfers { get; } = new("--transfers") { Description = "How a tile move uses its ports and the mesh: pipelined (a DMA engine: chunks of packet_bytes, or dma_chunk_bytes without a mesh, stream through source port, links and destination port at once through staging buffers of dma_staging_chunks; idle: the slowest stage's serialization plus the others' fill) or serial (the ports of both sides held together for the whole tile, then the mesh: max(Tt, Tc) + Lnet).", DefaultValueFactory = _ => "pipelined" };

    /// <summary>The collective algorithm option.</summary>
    public Option<string> Collectives { get; } = new("--collectives") { Description = "Which algorithm runs the collectives: auto (each node's algorithm: key, else the cheapest of direct, ring and 2d on an idle mesh for all-reduce, all-gather and reduce-scatter; multicast or binomial broadcasts, in-network or tree reductions), ring, 2d, or direct (COMET's assumption: gather to one root, combine there, broadcast).", DefaultValueFactory = _ => "auto" };

    /// <summary>The instance synchronisation option.</summary>
    public Option<string> Instances { get; } = new("--instances") { Description = "How the instances of a fan-out step through their parent's loop: free (each starts a tile step when its own tiles and space are ready; they meet only at collectives, children run once for all of them and multicast tiles) or lockstep (the parent waits for every instance and every destination of a tile before its next iteration; COMET's picture).", DefaultValueFactory = _ => "free" };

    /// <summary>The cross-invocation reuse option.</summary>
    public Option<string> Reuse { get; } = new("--reuse") { Description = "Whether a tile stays in a buffer for the next invocation that needs the same tile: cross-invocation (kept unless its space is needed, not fetched again) or none (every invocation fetches its tiles afresh).", DefaultValueFactory = _ => "cross-invocation" };

    /// <summary>The next-invocation prefetch option.</summary>
    public Option<string> Prefetch { get; } = new("--prefetch") { Description = "Whether a node's mover fills the next invocation's first tiles while the current invocation finishes: next-invocation (once their parent tiles are in, where their space is free, in entry order) or none (an invocation's first fills start when it starts).", DefaultValueFactory = _ => "next-invocation" };

    /// <summary>Adds the six options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new[] { Network, Transfers, Collectives, Instances, Reuse, Prefetch })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The executor knobs <paramref name="execution"/> with the parsed values of the six options (their defaults when <paramref name="parse"/> is null).</summary>
    /// <exception cref="InputException">A value names no mechanism.</exception>
    public ExecutionOptions Apply(ParseResult? parse, ExecutionOptions execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        string Value(Option<string> option, string fallback) => parse?.GetValue(option) ?? fallback;
        return execution with
        {
            Network = Value(Network, "cut-through").ToLowerInvariant() switch
            {
                "cut-through" => MeshSwitching.CutThrough,
                "store-and-forward" => MeshSwitching.StoreAndForward,
                var text => throw new InputException("--network", string.Empty, $"unknown network switching '{text}' (expected cut-through or store-and-forward)"),
            },
            Transfers = Value(Transfers, "pipelined").ToLowerInvariant() switch
            {
                "pipelined" => TransferMode.Pipelined,
                "serial" => TransferMode.Serial,
                var text => throw new InputException("--transfers", string.Empty, $"unknown transfer mode '{text}' (expected pipelined or serial)"),
            },
            Collectives = Value(Collectives, "auto").ToLowerInvariant() switch
            {
                "auto" => CollectiveAlgorithmChoice.Auto,
                "direct" => CollectiveAlgorithmChoice.Direct,
                "ring" => CollectiveAlgorithmChoice.Ring,
                "2d" => CollectiveAlgorithmChoice.TwoD,
                var text => throw new InputException("--collectives", string.Empty, $"unknown collective algorithm '{text}' (expected auto, ring, 2d or direct)"),
            },
            Instances = Value(Instances, "free").ToLowerInvariant() switch
            {
                "free" => InstanceSync.Free,
                "lockstep" or "lock-step" => InstanceSync.Lockstep,
                var text => throw new InputException("--instances", string.Empty, $"unknown instance mode '{text}' (expected free or lockstep)"),
            },
            Reuse = Value(Reuse, "cross-invocation").ToLowerInvariant() switch
            {
                "cross-invocation" => TileReuse.CrossInvocation,
                "none" => TileReuse.None,
                var text => throw new InputException("--reuse", string.Empty, $"unknown reuse mode '{text}' (expected cross-invocation or none)"),
            },
            Prefetch = Value(Prefetch, "next-invocation").ToLowerInvariant() switch
            {
                "next-invocation" => PrefetchMode.NextInvocation,
                "none" => PrefetchMode.None,
                var text => throw new InputException("--prefetch", string.Empty, $"unknown prefetch mode '{text}' (expected next-invocation or none)"),
            },
        };
    }
}
