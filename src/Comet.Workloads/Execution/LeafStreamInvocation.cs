using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The process body of one streaming leaf invocation (<see cref="LeafStreamRunner.Run"/>), written out by hand so that it is recycled once the invocation is done.</summary>
/// <remarks>
/// Acquire the engine, then the operand ports in the setup's key order (the site's <see cref="LeafStreamSite.Takes"/>; a stall row for each wait), hold them for the
/// local schedule's length, note the invocation done, write its rows, release everything in the order taken. A
/// compiler-built iterator would be one object per invocation; this one goes back to its runner's spares when its
/// last <see cref="MoveNext"/> returns false, and is enumerated once.
/// </remarks>
internal sealed class LeafStreamInvocation : RecycledBody<LeafStreamInvocation>
{
    private const int Start = 0;
    private const int Acquire = 1;
    private const int Taken = 2;
    private const int Held = 3;
    private const int Done = 4;

    private readonly RunContext _run;
    private TemporalPlan _plan = null!;
    private LeafStreamSite _site = null!;
    private Request[]? _grants;
    private int _held;
    private long _asked;
    private int _take;
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
        var site = _site;
        while (true)
        {
            switch (_state)
            {
                case Start:
                    // The site's spare array (handed back cleared).
                    _grants = site.TakeGrants();
                    _held = 0;
                    _take = 0;
                    _state = Acquire;
                    break;
                case Acquire:
                    var takes = site.Takes;
                    if (_take < takes.Length)
                    {
                        _asked = sim.Now;
                        var atOnce = takes[_take].TryRequest(out var grant);
                        _grants![_held++] = grant;
                        _state = Taken;
                        if (!atOnce)
                        {
                            Current = grant;
                            return true;
                        }

                        break;
                    }

                    _start = sim.Now;
                    _state = Held;
                    if (site.HoldCycles > 0)
                    {
                        Current = sim.Timeout(site.HoldCycles);
                        return true;
                    }

                    break;
                case Taken:
                    if (_run.Stalls.Waited(_asked))
                    {
                        var (tensors, reason) = site.StallOf(_take);
                        _run.Stalls.Held(site.Engine.Ref, _plan.Node.Name, tensors, reason, _asked);
                    }

                    _take++;
                    _state = Acquire;
                    break;
                case Held:
                    site.Finished();
                    if (sim.Trace is { } trace)
                    {
                        LeafStreamRunner.WriteRows(trace, _plan, site.Setup, _start, site.Engine.Ref);
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

    /// <summary>Releases every grant in the order taken and hands the cleared array back to the site.</summary>
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
        _site.ReturnGrants(grants);
        _grants = null;
        _held = 0;
    }
}
