using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Every stall row the executor writes itself (components write their own port, link and engine waits): who waited, from when, for what, in the reason vocabulary of docs/simulator.md.</summary>
/// <remarks>Callers ask <see cref="Waited"/> first, so a row's reason and component are worked out only when a trace is attached and the wait was real.</remarks>
internal sealed class StallRows(Simulation sim, InstanceIdle idle)
{
    // The reason of a wait for a node, spelled once per node: a trace carries it on every such wait.
    private readonly Dictionary<MappingNode, string> _waitReasons = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when a wait asked at <paramref name="asked"/> lasted and there is a trace to write it to.</summary>
    public bool Waited(long asked) => sim.Now > asked && sim.Trace is not null;

    /// <summary><c>buffer_full:&lt;memory&gt;&lt;i&gt;</c>: a fill waited for space in <paramref name="memory"/>.</summary>
    public void Space(IMemory memory, long bytes, ActivityLabel label, long asked) =>
        Write(memory.Ref, asked, label.Operation, label.Tensor, label.Tile, bytes, memory.SpaceReason);

    /// <summary><c>pipeline:&lt;node&gt;</c>: a pipeline stage waited for the stage before it to finish iteration <paramref name="iteration"/>.</summary>
    public void Pipeline(ComponentRef who, string node, int iteration, string producer, long asked) =>
        Write(who, asked, node, "", iteration, 0, "pipeline:" + producer);

    /// <summary><c>data:&lt;T&gt;</c>, <c>space:&lt;T&gt;</c> or <c>collective:…</c>: a consumer waited for <paramref name="entry"/>'s tile.</summary>
    public void Tile(ComponentRef who, string node, EntryPlan entry, int tile, long asked) =>
        Write(who, asked, node, entry.TensorName, tile, 0, entry.WaitReason);

    /// <summary><c>data:&lt;T&gt;</c> or <c>space:&lt;T&gt;</c>: an engine waited for a leaf operand's move or a result slot.</summary>
    public void Operand(ComponentRef engine, string node, EntryPlan entry, int tile, long asked) =>
        Write(engine, asked, node, entry.TensorName, tile, 0, entry.OperandWaitReason);

    /// <summary><c>operand_full:&lt;engine&gt;&lt;i&gt;.&lt;T&gt;</c>: a move into an engine waited for a free operand slot.</summary>
    public void OperandFull(ComponentRef engine, string node, string tensor, int tile, long bytes, long asked) =>
        Write(engine, asked, node, tensor, tile, bytes, $"operand_full:{engine.Name}{engine.Instance}.{tensor}");

    /// <summary><c>engine_busy:&lt;engine&gt;[i]</c> or <c>port:…</c>: a streaming or exclusive leaf waited to take its engine or one of its ports.</summary>
    public void Held(ComponentRef engine, string node, string tensor, string reason, long asked) =>
        Write(engine, asked, node, tensor, -1, 0, reason);

    /// <summary><c>collective:&lt;type&gt;#&lt;node&gt;</c>: a participant waited from <paramref name="asked"/> to <paramref name="until"/> for its peers.</summary>
    public void Collective(ComponentRef who, string node, string tensor, int occurrence, string reason, long asked, long until)
    {
        idle.Add(who, IdleReason.Collective, until - asked);
        sim.Trace?.Write(new TraceRecord(asked, until, who.Name, who.Instance, ActivityKind.Stall, node, tensor, occurrence, 0, reason));
    }

    /// <summary><c>barrier:&lt;node&gt;</c>, or <c>collective:&lt;type&gt;#&lt;node&gt;</c> when the child is a collective: an instance waited from <paramref name="asked"/> for its peers to reach a child that runs once for all of them (<paramref name="child"/>).</summary>
    public void Barrier(ComponentRef who, string node, int iteration, MappingNode child, long asked) =>
        Write(who, asked, node, "", iteration, 0, WaitReason(child));

    /// <summary><c>collective:&lt;type&gt;#&lt;node&gt;</c> when <paramref name="child"/> is a collective, else <c>barrier:&lt;child&gt;</c>: the reason of a wait for <paramref name="child"/>, the same string instance every time.</summary>
    public string WaitReason(MappingNode child)
    {
        if (!_waitReasons.TryGetValue(child, out var reason))
        {
            reason = child is CollectiveOperationNode collective ? CollectiveReason(collective) : "barrier:" + child.Name;
            _waitReasons.Add(child, reason);
        }

        return reason;
    }

    /// <summary><c>collective:&lt;type&gt;#&lt;node&gt;</c>: the one spelling of a wait for <paramref name="collective"/>'s peers or result, which the timeline paints as a collective wait.</summary>
    public static string CollectiveReason(CollectiveOperationNode collective) =>
        $"collective:{collective.Kind.ToString().ToLowerInvariant()}#{collective.Index}";

    /// <summary>Adds the idle time of a wait from <paramref name="asked"/> to now, whether or not a trace is attached.</summary>
    public void Idle(ComponentRef who, IdleReason reason, long asked) => idle.Add(who, reason, sim.Now - asked);

    /// <summary>The idle reason of a consumer waiting for <paramref name="entry"/>'s tile.</summary>
    public static IdleReason ReasonOf(EntryPlan entry) =>
        entry.CollectiveWaitReason is not null ? IdleReason.Collective : entry.IsOutput ? IdleReason.Space : IdleReason.Operands;

    private void Write(ComponentRef who, long asked, string operation, string tensor, long tile, long bytes, string reason) =>
        sim.Trace?.Write(new TraceRecord(asked, sim.Now, who.Name, who.Instance, ActivityKind.Stall, operation, tensor, tile, bytes, reason));
}
