namespace Comet.Workloads.Execution;

/// <summary>What a collective occurrence's schedule (and automatic pick) depends on: the node, its participants (in order) and the tile's bytes and elements; every other input is fixed by the machine.</summary>
/// <param name="Node">The collective node's index.</param>
/// <param name="Participants">Participant i's instance at the node's level.</param>
/// <param name="Bytes">The tile's bytes.</param>
/// <param name="Elements">The tile's elements.</param>
internal readonly record struct CollectivePickKey(int Node, int[] Participants, long Bytes, long Elements)
{
    /// <summary>True when both keys name the same node, participants, bytes and elements.</summary>
    public bool Equals(CollectivePickKey other) =>
        Node == other.Node && Bytes == other.Bytes && Elements == other.Elements && IntArrayContent.Instance.Equals(Participants, other.Participants);

    /// <summary>A hash over the node, bytes, elements and every participant.</summary>
    public override int GetHashCode() => HashCode.Combine(Node, Bytes, Elements, IntArrayContent.Instance.GetHashCode(Participants));
}
