using Comet.Hardware.Components;
using Comet.Hardware.Machines;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The engine instance a leaf's operation runs on — a GEMM engine for a primitive, otherwise a SIMD unit — and one tile step of that operation on it.</summary>
internal readonly struct LeafEngine
{
    private readonly TemporalPlan _plan;
    private readonly GemmEngine? _gemm;
    private readonly SimdUnit? _simd;

    private LeafEngine(TemporalPlan plan, GemmEngine? gemm, SimdUnit? simd)
    {
        _plan = plan;
        _gemm = gemm;
        _simd = simd;
    }

    /// <summary>The engine of <paramref name="plan"/>'s compute level at instance <paramref name="instance"/>.</summary>
    public static LeafEngine Of(Machine machine, TemporalPlan plan, int instance) => plan.Primitive is not null
        ? new(plan, machine.Gemm(plan.ComputeLevel, instance), null)
        : new(plan, null, machine.Simd(plan.ComputeLevel, instance));

    /// <summary>The engine's trace identity.</summary>
    public ComponentRef Ref => _gemm?.Ref ?? _simd!.Ref;

    /// <summary>The resource held while the engine computes.</summary>
    public Resource Unit => _gemm?.Engine ?? _simd!.Unit;

    /// <summary>The stall reason of work waiting for the engine.</summary>
    public string BusyReason => _gemm?.BusyReason ?? _simd!.BusyReason;

    /// <summary>Cycles one tile step (one iteration's primitives or SIMD passes) holds the engine.</summary>
    public long StepCycles => _gemm is { } g
        ? g.PrimitiveCycles(_plan.Primitive!) * _plan.PrimitivesPerIteration
        : _simd!.OperationCycles(_plan.SimdOperation, _plan.SimdElements, _plan.SimdReduction) * _plan.PrimitivesPerIteration;

    /// <summary>A process running one tile step: taking the engine first, or on an engine the caller already holds when <paramref name="held"/>.</summary>
    public IEnumerable<Event> Step(Simulation sim, ActivityLabel label, bool held) => (_gemm, held) switch
    {
        ({ } g, false) => g.Compute(sim, label, _plan.Primitive!, _plan.PrimitivesPerIteration),
        ({ } g, true) => g.Hold(sim, label, _plan.Primitive!, _plan.PrimitivesPerIteration),
        (null, false) => _simd!.Execute(sim, label, _plan.SimdOperation, _plan.SimdElements, _plan.SimdReduction, _plan.PrimitivesPerIteration),
        (null, true) => _simd!.Hold(sim, label, _plan.SimdOperation, _plan.SimdElements, _plan.SimdReduction, _plan.PrimitivesPerIteration),
    };

    /// <summary>True for a GEMM engine, whose counts are integers (a SIMD unit's energy is a floating-point sum, so it is charged run by run).</summary>
    public bool CountsOnlyIntegers => _gemm is not null;

    /// <summary>Counts <paramref name="invocations"/> runs of <paramref name="iterations"/> tile steps on a GEMM engine at once: the same figures as that many calls of <see cref="Record(long)"/>.</summary>
    public void Record(long iterations, long invocations) => _gemm!.Record(_plan.Primitive!, _plan.PrimitivesPerIteration * iterations, invocations);

    /// <summary>Counts the primitives (or passes) of <paramref name="iterations"/> tile steps whose time the caller has already spent.</summary>
    public void Record(long iterations)
    {
        var count = _plan.PrimitivesPerIteration * iterations;
        if (_gemm is not null)
        {
            _gemm.Record(_plan.Primitive!, count);
        }
        else
        {
            _simd!.Record(_plan.SimdOperation, _plan.SimdElements, _plan.SimdReduction, count);
        }
    }
}
