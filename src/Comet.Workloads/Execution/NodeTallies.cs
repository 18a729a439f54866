using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The figures every mapping node accumulates while the simulation runs: its invocations, and for a child of a temporal node the stages of its parent that waited for and ran it.</summary>
internal sealed class NodeTallies
{
    // Keyed by node index: mapping nodes are records, and hashing one hashes its strings every lookup.
    private readonly Dictionary<int, NodeTally> _nodes = [];
    private readonly Dictionary<int, NodeTally> _stages = [];

    /// <summary>The tally of <paramref name="node"/>'s own invocations.</summary>
    public NodeTally Of(MappingNode node) => Get(_nodes, node.Index);

    /// <summary>The tally of the parent stages that wait for <paramref name="node"/>'s tiles and run it.</summary>
    public NodeTally StagesOf(MappingNode node) => Get(_stages, node.Index);

    /// <summary>The tally of node <paramref name="index"/>'s invocations, when it ran at all.</summary>
    public bool TryGet(int index, out NodeTally tally) => _nodes.TryGetValue(index, out tally!);

    /// <summary>The tally of node <paramref name="index"/>'s parent stages, when there were any.</summary>
    public bool TryGetStages(int index, out NodeTally tally) => _stages.TryGetValue(index, out tally!);

    private static NodeTally Get(Dictionary<int, NodeTally> tallies, int index)
    {
        if (!tallies.TryGetValue(index, out var t))
        {
            t = new NodeTally();
            tallies[index] = t;
        }

        return t;
    }
}
