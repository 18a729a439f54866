using Comet.Workloads.Inputs;

namespace Comet.Workloads.Loop;

/// <summary>The tile sizes of a collective: what each instance reads and writes.</summary>
/// <param name="Node">The collective node.</param>
/// <param name="ReadElements">Elements of the input tile per instance.</param>
/// <param name="WriteElements">Elements of the output tile per instance (gather: × sources; scatter: ÷ destinations).</param>
/// <param name="OutputSize">Per factor line, the output extent of each dimension.</param>
public sealed record CollectiveTransfer(
    CollectiveOperationNode Node,
    long ReadElements,
    long WriteElements,
    IReadOnlyList<IReadOnlyDictionary<int, long>> OutputSize);
