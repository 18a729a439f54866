using System.Collections;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>One invocation of a temporal node as a body to run: each enumeration is a fresh (recycled) <see cref="TemporalInvocation"/>, so free lanes may run it again.</summary>
/// <param name="loop">The loop that runs the invocation.</param>
/// <param name="node">The node invoked.</param>
/// <param name="binding">The instances it runs on.</param>
internal sealed class TemporalNodeRun(TemporalLoop loop, DataMovementTileNode node, LevelBinding binding) : IEnumerable<Event>
{
    /// <inheritdoc />
    public IEnumerator<Event> GetEnumerator() => loop.Invocation(node, binding);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
