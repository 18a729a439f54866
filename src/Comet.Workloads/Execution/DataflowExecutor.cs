using Comet.Hardware.Machines;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Runs a mapping tree as processes on simulated hardware: movers fill and drain tiles, engines compute, collectives cross the mesh.</summary>
/// <remarks>
/// Every cycle comes from a mechanism (a port, link or engine held, or a wait for space, data or peers); nothing is taken
/// from the analytical model. This class only dispatches each mapping node to the room that runs it (docs/architecture.md):
/// <see cref="SpatialFanOut"/>, <see cref="TemporalLoop"/> (with its <see cref="TemporalSequencer"/> and the leaf rooms
/// <see cref="LeafProcesses"/> and <see cref="LeafStreamRunner"/>) and <see cref="CollectiveRunner"/>; tiles move through
/// <see cref="TileMover"/> and <see cref="PortRouting"/>, and <see cref="ResultCollector"/> reads the figures at the end.
/// </remarks>
public sealed class DataflowExecutor
{
    private readonly RunContext _run;
    private readonly SpatialFanOut _spatial;
    private readonly TemporalLoop _temporal;
    private readonly CollectiveRunner _collectives;
    private readonly LeafStreamRunner _streams;

    /// <summary>Builds the machine for <paramref name="inputs"/> inside <paramref name="sim"/>.</summary>
    public DataflowExecutor(CometInputSet inputs, Simulation sim, ExecutionOptions? options = null)
    {
        SimulationLimits.Check(inputs.Architecture);
        _run = new RunContext(inputs, sim, options ?? ExecutionOptions.Default);
        var ports = new PortRouting(_run.Machine);
        var mover = new TileMover(_run, ports);
        var space = new TileSpace(_run);
        _spatial = new SpatialFanOut(_run, mover, space, RunNode, RunNodeOnce);
        var sequencer = new TemporalSequencer(_run, mover, space);
        var lanes = new TemporalLanes(_run, new LaneSequencer(_run, sequencer, space), _spatial, RunNodeOnce);
        _streams = new LeafStreamRunner(_run, ports);
        _temporal = new TemporalLoop(_run, sequencer, lanes, new LeafProcesses(_run, mover), _streams, RunNodeOnce);
        _collectives = new CollectiveRunner(_run);
    }

    /// <summary>The simulated hardware.</summary>
    public Machine Machine => _run.Machine;

    /// <summary>The tile analysis the executor moves data by.</summary>
    public TileAnalysis Tiles => _run.Tiles;

    /// <summary>Runs the whole mapping once and returns what was observed.</summary>
    /// <exception cref="SimulationDeadlockException">The mapping cannot make progress.</exception>
    public SimulationResult Run()
    {
        Start();
        try
        {
            _run.Sim.Run();
        }
        catch (DeadlockException e)
        {
            throw Deadlock(e);
        }

        return Collect();
    }

    /// <summary>Schedules the mapping's root process; step or run the simulation afterwards, then call <see cref="Collect"/>.</summary>
    public void Start()
    {
        var mapping = _run.Inputs.Mapping;
        var binding = new LevelBinding(_run.Inputs.Architecture.Levels.Count, mapping.Root.Entries[0].TargetLevelId);
        _run.Sim.Process(RunNode(mapping.Root, binding), "mapping");
    }

    /// <summary>What was observed so far (the whole run once the simulation has no events left).</summary>
    public SimulationResult Collect()
    {
        // Streaming leaves count their invocations and charge them in one go, before anything reads the counters.
        _streams.Charge();
        return ResultCollector.Collect(_run);
    }

    /// <summary>Turns the kernel's deadlock report into one naming the mapping's components and what each waits for.</summary>
    public static SimulationDeadlockException Deadlock(DeadlockException e) => new(e.Cycle, e.Waiting, e);

    // Every room's entry point is an iterator, so dispatching runs nothing until the process steps it.
    private IEnumerable<Event> RunNode(MappingNode node, LevelBinding b) => node switch
    {
        DataMovementTileNode { IsSpatial: true } s => _spatial.Run(s, b),
        DataMovementTileNode t => _temporal.Run(t, b),
        CollectiveOperationNode c => _collectives.Run(c, b),
        _ => [],
    };

    // The same, for a caller that enumerates the body once (runs it at once or as a process): a temporal node's body is
    // then its recycled enumerator itself, with no re-enumerable wrapper.
    private IEnumerable<Event> RunNodeOnce(MappingNode node, LevelBinding b) => node switch
    {
        DataMovementTileNode { IsSpatial: true } s => _spatial.Run(s, b),
        DataMovementTileNode t => _temporal.RunOnce(t, b),
        CollectiveOperationNode c => _collectives.Run(c, b),
        _ => [],
    };
}
