using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The process body of one streaming leaf invocation (<see cref="LeafStreamRunner.Run"/>), written out by hand so that it is recycled once the invocation is done.</summary>
/// <remarks>
/// Acquire the engine, then the operand ports in the setup's key order (a stall row for each wait), hold them for the
/// local schedule's length, note the invocation done, write its rows, release everything in the order taken. A
/// compiler-built iterator would be one object per invocation; this one goes back to its runner's spares when its
/// last <see cref="MoveNext"/> returns false, and is enumerated once.
/// </remarks>
internal sealed class LeafStreamInvocation : RecycledBody<LeafStreamInvocation>
{
    private const int Start = 0;
    private const int EngineTaken = 1;
    private const int Acquire = 2;
    private const int PortTaken = 3;
    private const int Held = 4;
    private const int Done = 5;

    private readonly RunContext _run;
    private TemporalPlan _plan = null!;
    private LeafStreamSite _site = null!;
    private Request[]? _grants;
    private int _held;
    private long _asked;
    private int _order;
    private int _k;
    private long _start;
    private int _state = Done;

    /// <summary>Creates a reusable body for <paramref name="run"/>, returned to <paramref name="spares"/> when done.</summary>
    public LeafStreamInvocation(RunContext run, RefStack<LeafStreamInvocation> spares)
        : base(spares)
    {
        _run = run;
    }

    /// <summary>Readies the body for one invocation of <paramref name="plan"/> at <paramref name="site"/> (nothing happens until the first <see cref="MoveNext"/>).</summary>
    public LeafStreamInvocation Prepare(TemporalPlan plan, LeafStreamSite site)
    {
        (_plan, _site) = (plan, site);
        _state = Start;
        Rearm();
        return this;
    }

    /// <summary>Advances the invocation to its next wait; false (and back to the spares) once it is done.</summary>
    public override bool MoveNext()
    {
        var sim = _run.Sim;
        var setup = _site.Setup;
        while (true)
        {
            switch (_state)
            {
                case Start:
                    // The setup's spare array (handed back cleared): one engine runs one invocation of a setup at a time.
                    _grants = setup.TakeGrants();
                    _held = 0;
                    _asked = sim.Now;
                    var atOnce = _site.Engine.Unit.TryRequest(out var unit);
                    _grants[_held++] = unit;
                    _state = EngineTaken;
                    if (!atOnce)
                    {
                        Current = unit;
                        return true;
                    }

                    break;
                case EngineTaken:
                    if (_run.Stalls.Waited(_asked))
                    {
                        _run.Stalls.Held(_site.Engine.Ref, _plan.Node.Name, "", _site.Engine.BusyReason, _asked);
                    }

                    (_order, _k) = (0, 0);
                    _state = Acquire;
                    break;
                case Acquire:
                    if (_order < setup.AcquireOrder.Length)
                    {
                        var p = setup.AcquireOrder[_order];
                        if (_k >= setup.PortsTaken[p])
                        {
                            (_order, _k) = (_order + 1, 0);
                            break;
                        }

                        _asked = sim.Now;
                        var portAtOnce = setup.Pools[p].Resource.TryRequest(out var grant);
                        _grants![_held++] = grant;
                        _state = PortTaken;
                        if (!portAtOnce)
                        {
                            Current = grant;
                            return true;
                        }

                        break;
                    }

                    _start = sim.Now;
                    _state = Held;
                    if (setup.Schedule.End > 0)
                    {
                        Current = sim.Timeout(setup.Schedule.End);
                        return true;
                    }

                    break;
                case PortTaken:
                    var taken = setup.AcquireOrder[_order];
                    if (_run.Stalls.Waited(_asked))
                    {
                        _run.Stalls.Held(_site.Engine.Ref, _plan.Node.Name, setup.Tensors[taken], setup.Pools[taken].StallReason, _asked);
                    }

                    _k++;
                    _state = Acquire;
                    break;
                case Held:
                    _site.Finished();
                    if (sim.Trace is { } trace)
                    {
                        LeafStreamRunner.WriteRows(trace, _plan, setup, _start, _site.Engine.Ref);
                    }

                    ReleaseAll();
                    _state = Done;
                    _plan = null!;
                    _site = null!;
                    return Retire();
                default:
                    return false;
            }
        }
    }

    /// <summary>Gives back the engine and ports still held (or asked for) when the invocation is abandoned before its end; nothing once it is done.</summary>
    public override void Dispose()
    {
        if (_state == Done)
        {
            return;
        }

        _state = Done;
        ReleaseAll();
    }

    /// <summary>Releases every grant in the order taken and hands the cleared array back to the setup.</summary>
    private void ReleaseAll()
    {
        if (_grants is not { } grants)
        {
            return;
        }

        for (var i = 0; i < _held; i++)
        {
            grants[i].Dispose();
        }

        Array.Clear(grants, 0, _held);
        _site.Setup.ReturnGrants(grants);
        _grants = null;
        _held = 0;
    }
}
