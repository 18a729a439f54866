using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Collectives;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Runs a collective node: every participant arrives at a rendezvous, the last one starts the schedule on the meshes, and each waits for it to finish.</summary>
internal sealed class CollectiveRunner(RunContext run)
{
    private readonly Dictionary<(int Node, int Instance), int> _occurrences = [];
    private readonly Dictionary<(int Node, int GroupBase, int Occurrence), CollectiveRendezvous> _rendezvous = [];

    // A span is its target level and how many parent levels it climbs (always through the first parent).
    private readonly Dictionary<(int Level, int Levels), CollectiveFabric> _fabrics = [];

    // The schedule (and the automatic pick behind it) is a pure function of the key (machine, fabric, schedule
    // builder and costs are fixed), so it is built once per distinct group and tile rather than at every occurrence.
    private readonly Dictionary<CollectivePickKey, (CollectiveSchedule Schedule, SramBuffer[] Buffers, string Name, string Detail)> _plans = [];

    // A participant's span and group are a pure function of the node and its binding (the machine is fixed): worked
    // out once per node and binding, not at every occurrence (the group is as long as the collective is wide).
    private readonly Dictionary<int, Dictionary<LevelBinding, (int[] Span, int[] Participants)>> _groups = [];

    /// <summary>One participant's part in one occurrence of <paramref name="node"/>: arrive, wait for the schedule, record the stall and the collective rows.</summary>
    public IEnumerable<Event> Run(CollectiveOperationNode node, LevelBinding b)
    {
        var sim = run.Sim;
        var start = sim.Now;
        var level = node.TargetLevelId;
        var me = run.Resolve(b, level);
        var (span, participants) = Participants(node, b, me);

        var occurrence = _occurrences.GetValueOrDefault((node.Index, me));
        _occurrences[(node.Index, me)] = occurrence + 1;
        var key = (node.Index, participants[0], occurrence);
        if (!_rendezvous.TryGetValue(key, out var meeting))
        {
            meeting = new CollectiveRendezvous(sim.Event(), participants.Length);
            _rendezvous[key] = meeting;
        }

        meeting.Arrived++;
        if (meeting.Arrived == meeting.Expected)
        {
            _rendezvous.Remove(key);
            sim.Process(Schedule(node, span, participants, meeting), $"{node.Name}.schedule");
        }

        var who = run.Machine.RefOf(level, me);
        var asked = sim.Now;
        if (!meeting.Done.IsProcessed)
        {
            yield return meeting.Done;
        }

        var tensor = run.TensorName(node.InputTensorId);
        var scheduleStart = meeting.Done.Value is long s ? s : asked;
        if (scheduleStart > asked)
        {
            run.Stalls.Collective(who, node.Name, tensor, occurrence, run.Stalls.WaitReason(node), asked, scheduleStart);
            run.Tallies.Of(node).AddStall(scheduleStart - asked);
        }

        sim.Trace?.Write(new TraceRecord(Math.Max(asked, scheduleStart), sim.Now, who.Name, who.Instance, ActivityKind.Collective, node.Name, tensor, occurrence, 0, meeting.Detail));
        run.Tallies.Of(node).Add(start, sim.Now);
    }

    /// <summary>The span and participants of <paramref name="node"/> for the participant <paramref name="b"/> binds (<see cref="CollectiveParticipants.Of"/>), remembered per binding.</summary>
    private (int[] Span, int[] Participants) Participants(CollectiveOperationNode node, LevelBinding b, int me)
    {
        if (!_groups.TryGetValue(node.Index, out var byBinding))
        {
            byBinding = new Dictionary<LevelBinding, (int[] Span, int[] Participants)>(LevelBinding.ByContent);
            _groups.Add(node.Index, byBinding);
        }

        if (!byBinding.TryGetValue(b, out var group))
        {
            group = CollectiveParticipants.Of(run.Machine, node, b, me);
            byBinding.Add(b, group);
        }

        return group;
    }

    /// <summary>The process that runs the collective's schedule once every participant has arrived; <paramref name="meeting"/>'s event gets its start cycle.</summary>
    private IEnumerable<Event> Schedule(CollectiveOperationNode node, int[] span, int[] participants, CollectiveRendezvous meeting)
    {
        var sim = run.Sim;
        var machine = run.Machine;
        var start = sim.Now;
        var level = node.TargetLevelId;
        var extents = run.Tiles.CollectiveInput(node.Index);
        var elements = extents is null ? 0 : run.Tiles.ProjectedElements(extents, node.InputTensorId, node.Tag);
        var bytes = TileAnalysis.Bytes(elements, node.PrecisionBits);
        var net = machine.Level(level).LinkNetwork;
        var broadcast = net?.BroadcastSupport ?? false;
        var reduction = net?.ReductionSupport ?? false;
        var fabric = Fabric(span);
        var op = PlanBuilder.ToSimd(node.ReductionOperator == OperationKind.None ? OperationKind.Add : node.ReductionOperator);
        var planKey = new CollectivePickKey(node.Index, participants, bytes, elements);
        if (!_plans.TryGetValue(planKey, out var plan))
        {
            plan = Plan(node, level, participants, fabric, op, bytes, elements, broadcast, reduction);
            _plans.Add(planKey, plan);
        }

        var (schedule, buffers, name, detail) = plan;
        meeting.Detail = detail;
        run.Tallies.Of(node).NoteAlgorithm(name);
        var label = new ActivityLabel(node.Name, run.TensorName(node.InputTensorId), -1);
        yield return sim.Call(CollectiveExecutor.Run(sim, schedule, buffers, participants, fabric, label, op, p => machine.SimdBelow(level, participants[p])));

        meeting.Done.Succeed(start);
    }

    /// <summary>The schedule <paramref name="node"/> runs among <paramref name="participants"/> (the asked algorithm, or the automatic pick weighed on idle meshes), their buffers, the algorithm's name and the trace detail naming it.</summary>
    private (CollectiveSchedule Schedule, SramBuffer[] Buffers, string Name, string Detail) Plan(CollectiveOperationNode node, int level, int[] participants, CollectiveFabric fabric, SimdOperation op, long bytes, long elements, bool broadcast, bool reduction)
    {
        var machine = run.Machine;
        var algorithm = CollectiveAlgorithmOf.Kind(node.Kind);
        var buffers = participants.Select(p => machine.Buffer(level, p)).ToArray();
        var layout = new CollectiveLayout([.. participants.Select(p => fabric.Place(p).Group)], [.. participants.Select(p => fabric.Place(p).Router)]);
        CollectiveAlgorithmChoice Resolve(CollectiveAlgorithmChoice requested)
        {
            if (requested == CollectiveAlgorithmChoice.Auto)
            {
                var estimate = new CollectiveEstimate(machine, fabric, level, participants, buffers, op);
                requested = CollectiveAutoRule.Pick(node.Kind, broadcast, reduction, c =>
                    estimate.Cycles(CollectiveAlgorithms.Build(algorithm, CollectiveAlgorithms.Runnable(c, layout, broadcast, reduction), layout, bytes, elements, broadcast, reduction)));
            }

            return CollectiveAlgorithms.Runnable(requested, layout, broadcast, reduction);
        }

        var asked = CollectiveAutoRule.Requested(node.Kind, run.Options.Collectives, node.Algorithm);
        var choice = Resolve(asked);

        // Whether `--collectives direct` would run another schedule here (for compare's attribution).
        var direct = CollectiveAutoRule.Requested(node.Kind, CollectiveAlgorithmChoice.Direct, node.Algorithm);
        run.Mechanisms.Collectives++;
        if (direct != asked && Resolve(direct) != choice)
        {
            run.Mechanisms.CollectivesUnlikeDirect++;
        }

        var name = CollectiveAlgorithmNames.Name(choice);
        return (CollectiveAlgorithms.Build(algorithm, choice, layout, bytes, elements, broadcast, reduction), buffers, name, "algorithm:" + name);
    }

    /// <summary>The meshes joining the levels of <paramref name="span"/>: each level's link mesh under a parent instance, or (above the participants' level) the mesh its parent fills it through.</summary>
    private CollectiveFabric Fabric(int[] span)
    {
        if (!_fabrics.TryGetValue((span[0], span.Length), out var fabric))
        {
            var machine = run.Machine;
            var perParent = span.Select(l => (int)Math.Max(1, machine.Level(l).Instances)).ToArray();
            fabric = new CollectiveFabric(perParent, (k, parent) =>
            {
                var level = span[k];
                var spec = machine.Level(level);

                // The participants talk over their link mesh; the levels above carry data on theirs when they have
                // one, otherwise on the mesh their parent fills them through.
                return machine.LinkMesh(level, parent * perParent[k])
                    ?? (k > 0 && spec.ParentIds.Count > 0 ? machine.ChildMesh(spec.ParentIds[0], parent, level) : null);
            });
            _fabrics.Add((span[0], span.Length), fabric);
        }

        return fabric;
    }
}
