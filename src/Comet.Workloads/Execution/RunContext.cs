using Comet.Hardware.Machines;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>What every room of the executor shares for one run: the simulation, the machine, the inputs and their tile analysis and plans, the options, and where per-node figures and stall rows go.</summary>
internal sealed class RunContext
{
    /// <summary>Builds the machine, the tile analysis and the planner for <paramref name="inputs"/> inside <paramref name="sim"/>.</summary>
    public RunContext(CometInputSet inputs, Simulation sim, ExecutionOptions options)
    {
        Inputs = inputs;
        Sim = sim;
        Options = options;
        Machine = new Machine(sim, inputs.Architecture, options.NocEnergy, options.Network, options.Transfers);
        Tiles = new TileAnalysis(inputs.Problem, inputs.Mapping);
        Plans = new PlanBuilder(inputs, Tiles, Machine);
        Stalls = new StallRows(sim, Idle);
        var written = inputs.Mapping.Nodes.OfType<DataMovementTileNode>().SelectMany(n => n.Entries).Where(e => Plans.IsOutput(e.TensorId, e.Tag)).Select(e => e.TensorId)
            .Concat(inputs.Mapping.Nodes.OfType<CollectiveOperationNode>().Select(c => c.OutputTensorId)).ToHashSet();
        Resident = new ResidentTiles(options.Reuse == TileReuse.CrossInvocation, written);
        Prefetch = new PrefetchedTiles(inputs.Mapping, options.Prefetch == PrefetchMode.NextInvocation);

        // Without concurrent bindings no two leaves ever run on one engine at once, so a leaf may keep its engine for
        // the whole invocation instead of asking for it every tile step (the same cycles, fewer events).
        EnginesExclusive = EngineSharing.EnginesExclusive(inputs.Mapping);
    }

    /// <summary>The architecture, problem and mapping simulated.</summary>
    public CometInputSet Inputs { get; }

    /// <summary>The simulation the processes run in.</summary>
    public Simulation Sim { get; }

    /// <summary>The executor's knobs.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>The simulated hardware.</summary>
    public Machine Machine { get; }

    /// <summary>What moves: every entry's tile extents.</summary>
    public TileAnalysis Tiles { get; }

    /// <summary>Each temporal node's loop, entries and operation, planned once.</summary>
    public PlanBuilder Plans { get; }

    /// <summary>Per-node invocation figures.</summary>
    public NodeTallies Tallies { get; } = new();

    /// <summary>Tiles kept in their buffers for the next invocation.</summary>
    public ResidentTiles Resident { get; }

    /// <summary>The next invocations' first tiles fetched ahead, and the parent tiles announced for them.</summary>
    public PrefetchedTiles Prefetch { get; }

    /// <summary>How often the switchable mechanisms acted.</summary>
    public MechanismTally Mechanisms { get; } = new();

    /// <summary>Bytes moved per level and tensor.</summary>
    public TrafficTally Traffic { get; } = new();

    /// <summary>Idle cycles per component instance and reason.</summary>
    public InstanceIdle Idle { get; } = new();

    /// <summary>Where waits are written.</summary>
    public StallRows Stalls { get; }

    /// <summary>True when no binding lets two leaves share an engine at once.</summary>
    public bool EnginesExclusive { get; }

    /// <summary>The instance of <paramref name="level"/> a subtree bound by <paramref name="b"/> works on: the bound one, or the first instance under its first parent's.</summary>
    public int Resolve(LevelBinding b, int level) => Resolve(b, level, 0);

    /// <summary>The name of tensor <paramref name="id"/>, or empty when there is no such tensor.</summary>
    public string TensorName(int id) => id >= 0 && id < Inputs.Problem.TensorNames.Count ? Inputs.Problem.TensorNames[id] : "";

    private int Resolve(LevelBinding b, int level, int depth)
    {
        var bound = b.Bound(level);
        if (bound >= 0)
        {
            return bound;
        }

        if (depth > 32)
        {
            return 0;
        }

        // The first parent decides (indexed, so no enumerator is boxed on this hot path).
        var spec = Machine.Level(level);
        if (spec.ParentIds.Count == 0)
        {
            return 0;
        }

        return PairedSibling(b, level, spec) is var paired and >= 0
            ? paired
            : Resolve(b, spec.ParentIds[0], depth + 1) * (int)Math.Max(1, spec.Instances);
    }

    // A core's buffers pair by index (IB[i], WB[i], OB[i] feed one engine): an unbound level takes the instance of a
    // bound sibling under the same parent with as many instances, e.g. the OB a GEMM leaf drains into when the spatial
    // node above listed only the IB and WB operands; −1 when no sibling is bound.
    private int PairedSibling(LevelBinding b, int level, Comet.Hardware.Specs.HierarchyLevelSpec spec)
    {
        var siblings = Machine.Level(spec.ParentIds[0]).ChildIds;
        for (var i = 0; i < siblings.Count; i++)
        {
            var sibling = siblings[i];
            if (sibling != level && b.Bound(sibling) is var bound and >= 0 && Machine.Level(sibling).Instances == spec.Instances && !Machine.IsCompute(sibling))
            {
                return bound;
            }
        }

        return -1;
    }
}
