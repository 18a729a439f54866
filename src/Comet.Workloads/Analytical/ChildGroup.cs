using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>The children a node overlaps as one unit: a single child, or a vector of children joined by sequential bindings.</summary>
public sealed class ChildGroup : IComparable<ChildGroup>, IEquatable<ChildGroup>
{
    private ChildGroup(MappingNode? single, IReadOnlyList<MappingNode>? members)
    {
        Single = single;
        Members = members ?? [single!];
        IsVector = members is not null;
    }

    /// <summary>The child, for a single-node group.</summary>
    public MappingNode? Single { get; }

    /// <summary>The member nodes (one for a single group).</summary>
    public IReadOnlyList<MappingNode> Members { get; }

    /// <summary>Whether the group is a vector (sequential members).</summary>
    public bool IsVector { get; }

    /// <summary>A single-node group.</summary>
    public static ChildGroup Of(MappingNode node) => new(node, null);

    /// <summary>A vector group.</summary>
    public static ChildGroup OfVector(IReadOnlyList<MappingNode> nodes) => new(null, nodes.ToList());

    /// <summary>The tool's ordering of group keys: single nodes before vectors, nodes by heap address (see <see cref="ToolQuirks.HeapOrder"/>).</summary>
    public int CompareTo(ChildGroup? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (IsVector != other.IsVector)
        {
            return IsVector ? 1 : -1;
        }

        for (var i = 0; i < Math.Min(Members.Count, other.Members.Count); i++)
        {
            var c = ToolQuirks.HeapOrder(Members[i]).CompareTo(ToolQuirks.HeapOrder(other.Members[i]));
            if (c != 0)
            {
                return c;
            }
        }

        return Members.Count.CompareTo(other.Members.Count);
    }

    /// <inheritdoc />
    public bool Equals(ChildGroup? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChildGroup g && Equals(g);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = IsVector ? 17 : 3;
        foreach (var m in Members)
        {
            h = (h * 31) + m.Index;
        }

        return h;
    }

    /// <inheritdoc />
    public override string ToString() => IsVector ? $"[{string.Join(",", Members.Select(m => m.Index))}]" : Single!.Index.ToString();
}
