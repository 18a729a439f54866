using Comet.Hardware.Components;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The precomputed loop of one temporal DataMovement node: iterations, entries, children and (for a leaf) its primitive.</summary>
public sealed class TemporalPlan
{
    /// <summary>The node.</summary>
    public required DataMovementTileNode Node { get; init; }

    /// <summary>Iterations of the node's loop (the product of its per-dimension factors).</summary>
    public required int Iterations { get; init; }

    /// <summary>The node's entries.</summary>
    public required EntryPlan[] Entries { get; init; }

    /// <summary>Non-binding children with the binding written before each.</summary>
    public required IReadOnlyList<(BindingKind Binding, MappingNode Node)> Children { get; init; }

    /// <summary>True when some entry must wait for a sibling to produce its tensor first.</summary>
    public bool HasGatedEntries => _hasGated ??= Entries.Any(e => e.Gated);

    private bool? _hasGated;

    /// <summary>The operation of a leaf node, or null.</summary>
    public OperationNode? Operation { get; init; }

    /// <summary>The compute level running the operation (leaf only).</summary>
    public int ComputeLevel { get; init; } = -1;

    /// <summary>The primitive shape (GEMM leaf only).</summary>
    public GemmPrimitive? Primitive { get; init; }

    /// <summary>SIMD operation (SIMD leaf only).</summary>
    public SimdOperation SimdOperation { get; init; }

    /// <summary>Elements of one SIMD primitive.</summary>
    public long SimdElements { get; init; }

    /// <summary>Elements folded into one lane by reduction dimensions.</summary>
    public long SimdReduction { get; init; } = 1;

    /// <summary>True for a leaf whose every entry feeds or drains its engine one to one (no fan-out): it runs as a leaf loop.</summary>
    public bool IsSimpleLeaf => _simpleLeaf ??= Operation is not null && Entries.All(e => e.ToCompute && e.FanOut == 1 && e.Groups.Length == 1);

    private bool? _simpleLeaf;

    /// <summary>Primitives per iteration.</summary>
    public long PrimitivesPerIteration { get; init; } = 1;
}
