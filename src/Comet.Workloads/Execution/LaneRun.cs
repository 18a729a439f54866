using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The state of one invocation of a temporal node whose instances run free: per lane (physical instance of its fan-out) tile readiness, reservations and run-ahead, and the meeting points of the lanes.</summary>
internal sealed class LaneRun
{
    private readonly Simulation _sim;
    private readonly Event?[]?[][] _ready;
    private readonly int[]?[][] _pending;
    private readonly Event?[]?[][] _outReady;
    private readonly Event?[][] _begun;
    private readonly Dictionary<long, Meeting> _meetings = [];
    private readonly Dictionary<(int Entry, int Group), int> _moversDone = [];

    /// <summary>Creates the state of one invocation of <paramref name="state"/>'s plan laid out by <paramref name="layout"/>.</summary>
    public LaneRun(Simulation sim, TemporalRun state, LaneLayout layout, ComponentRef[] laneRefs)
    {
        _sim = sim;
        State = state;
        Layout = layout;
        var lanes = layout.Lanes;
        Lanes = lanes;
        LaneRefs = laneRefs;
        var plan = state.Plan;
        _ready = [.. plan.Entries.Select(e => new Event?[]?[e.Tiles])];
        _pending = [.. plan.Entries.Select(e => new int[]?[e.Tiles])];
        _outReady = [.. plan.Entries.Select(e => new Event?[]?[e.Tiles])];
        Bodies = new IEnumerable<Event>[]?[plan.Children.Count];
        _begun = new Event?[lanes][];
        for (var p = 0; p < lanes; p++)
        {
            _begun[p] = new Event?[plan.Iterations > 64 ? plan.Iterations : 0];
        }
    }

    /// <summary>The invocation's shared state (plan, binding, destinations, drains in flight, gates).</summary>
    public TemporalRun State { get; }

    /// <summary>Which entries are per lane, and each lane's tile group.</summary>
    public LaneLayout Layout { get; }

    /// <summary>Lanes: the physical instances of the fan-out, each walking the loop on its own.</summary>
    public int Lanes { get; }

    /// <summary>Per child, the per-lane bodies of a spatial child, built by the first lane to get there in the invocation.</summary>
    public IEnumerable<Event>[]?[] Bodies { get; }

    /// <summary>The component instance of each lane, for stall rows and idle time.</summary>
    public ComponentRef[] LaneRefs { get; }

    /// <summary>Triggered when tile <paramref name="ordinal"/> of input <paramref name="entry"/> has arrived at the destinations of group <paramref name="group"/>.</summary>
    public Event Ready(int entry, int ordinal, int group) =>
        (_ready[entry][ordinal] ??= new Event?[State.Plan.Entries[entry].Groups.Length])[group] ??= _sim.Event();

    /// <summary>Triggered when lane <paramref name="lane"/> has space for tile <paramref name="ordinal"/> of output <paramref name="entry"/>.</summary>
    public Event OutReady(int entry, int ordinal, int lane) => (_outReady[entry][ordinal] ??= new Event?[Lanes])[lane] ??= _sim.Event();

    /// <summary>Forgets lane <paramref name="lane"/>'s space event for tile <paramref name="ordinal"/> of output <paramref name="entry"/> after the lane's last wait on it (its mover triggered it before), so a long invocation does not keep every tile's events alive.</summary>
    public void ForgetOutReady(int entry, int ordinal, int lane)
    {
        if (_outReady[entry][ordinal] is not { } slots)
        {
            return;
        }

        slots[lane] = null;
        if (Array.TrueForAll(slots, static s => s is null))
        {
            _outReady[entry][ordinal] = null;
        }
    }

    /// <summary>Counts one more destination (reservation, or lane done with the tile) of group <paramref name="group"/> of tile <paramref name="ordinal"/>; true for the last of <paramref name="of"/>.</summary>
    public bool Count(int entry, int ordinal, int group, int of) => ++Counts(entry, ordinal)[group] == of;

    /// <summary>Counts one more lane done with group <paramref name="group"/> of tile <paramref name="ordinal"/> (a separate count from the reservations); true for the last of <paramref name="of"/>.</summary>
    public bool CountDone(int entry, int ordinal, int group, int of)
    {
        var counts = Counts(entry, ordinal);
        return ++counts[GroupsOf(counts) + group] == of;
    }

    /// <summary>Counts one more destination of group <paramref name="group"/> that kept tile <paramref name="ordinal"/> from the previous invocation; returns how many have.</summary>
    public int CountKept(int entry, int ordinal, int group, bool kept)
    {
        var counts = Counts(entry, ordinal);
        var at = (2 * GroupsOf(counts)) + group;
        return kept ? ++counts[at] : counts[at];
    }

    /// <summary>Counts one more lane of group <paramref name="group"/> past its last wait for tile <paramref name="ordinal"/> of input <paramref name="entry"/> (the tile's last iteration); once all <paramref name="of"/> have passed, the group's arrival event is forgotten, and once every group has, the tile's counts too, so a long invocation does not keep every tile's events alive.</summary>
    /// <remarks>Every mover of the tile counted and triggered its arrival before any lane could pass it, and a lane only asks for tiles ahead of the one it is in.</remarks>
    public void PassedReady(int entry, int ordinal, int group, int of)
    {
        var counts = Counts(entry, ordinal);
        var groups = GroupsOf(counts);
        if (++counts[(3 * groups) + group] != of)
        {
            return;
        }

        if (_ready[entry][ordinal] is { } slots)
        {
            slots[group] = null;
        }

        if (++counts[4 * groups] == groups)
        {
            _ready[entry][ordinal] = null;
            _pending[entry][ordinal] = null;
        }
    }

    // Per tile, per group: reservations, lanes done, destinations that kept it, lanes past its arrival; then groups past it.
    private const int CountSections = 4;

    private static int GroupsOf(int[] counts) => (counts.Length - 1) / CountSections;

    private int[] Counts(int entry, int ordinal) =>
        _pending[entry][ordinal] ??= new int[(State.Plan.Entries[entry].Groups.Length * CountSections) + 1];

    /// <summary>Counts one more lane whose mover is done with the invocation, for group <paramref name="group"/> of entry <paramref name="entry"/>; true for the last of <paramref name="of"/>.</summary>
    public bool MoverDone(int entry, int group, int of)
    {
        var n = _moversDone.GetValueOrDefault((entry, group)) + 1;
        _moversDone[(entry, group)] = n;
        return n == of;
    }

    /// <summary>Triggered when lane <paramref name="lane"/> begins iteration <paramref name="iteration"/> (bounds how far its mover runs ahead).</summary>
    public Event Begun(int lane, int iteration) => _begun[lane][iteration] ??= _sim.Event();

    /// <summary>Forgets lane <paramref name="lane"/>'s event for iteration <paramref name="iteration"/> once the only mover that waits on it has (lanes other than 0: the shared mover waits on lane 0 too).</summary>
    public void ForgetBegun(int lane, int iteration) => _begun[lane][iteration] = null;

    /// <summary>The meeting of the lanes at child <paramref name="child"/> of iteration <paramref name="iteration"/> (<paramref name="kind"/> tells gates, barriers and spans apart).</summary>
    public Meeting Meet(int iteration, int child, int kind)
    {
        var key = ((((long)iteration * 1024) + child) * 4) + kind;
        if (!_meetings.TryGetValue(key, out var m))
        {
            m = new Meeting(_sim.Event());
            _meetings[key] = m;
        }

        return m;
    }

    /// <summary>Forgets a meeting every lane has passed.</summary>
    public void Forget(int iteration, int child, int kind) => _meetings.Remove(((((long)iteration * 1024) + child) * 4) + kind);

    /// <summary>Lanes meeting at one point: how many arrived, the earliest arrival, the latest end, and the event that lets them go on.</summary>
    internal sealed class Meeting(Event done)
    {
        /// <summary>Triggered when the meeting is over.</summary>
        public Event Done { get; } = done;

        /// <summary>Lanes arrived so far.</summary>
        public int Arrived { get; set; }

        /// <summary>Lanes that left so far.</summary>
        public int Left { get; set; }

        /// <summary>Earliest arrival cycle.</summary>
        public long First { get; set; } = long.MaxValue;

        /// <summary>Earliest cycle a lane began the child's body (after its tiles were in).</summary>
        public long BodyFirst { get; set; } = long.MaxValue;

        /// <summary>Sum over the lanes of the cycles from reaching the child to its end (tile waits included).</summary>
        public long StageCycles { get; set; }

        /// <summary>Sum over the lanes of the cycles of the child's body.</summary>
        public long BodyCycles { get; set; }
    }
}
