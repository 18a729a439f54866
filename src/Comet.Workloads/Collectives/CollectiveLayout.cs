using Comet.Hardware.Components;

namespace Comet.Workloads.Collectives;

/// <summary>Where the participants of a collective sit: each one's group (the parent whose mesh it is on) and its router there.</summary>
/// <param name="Groups">Participant i's group (participants of one group share a mesh).</param>
/// <param name="Positions">Participant i's router on its group's mesh.</param>
public sealed record CollectiveLayout(IReadOnlyList<int> Groups, IReadOnlyList<MeshNode> Positions)
{
    /// <summary>Participants.</summary>
    public int Count => Positions.Count;

    /// <summary>Participants 0..<paramref name="count"/>−1 on one mesh <paramref name="meshX"/> routers wide, participant i at router i (row-major).</summary>
    public static CollectiveLayout OneMesh(int count, int meshX) =>
        new([.. Enumerable.Repeat(0, count)], [.. Enumerable.Range(0, count).Select(i => new MeshNode(i % Math.Max(1, meshX), i / Math.Max(1, meshX)))]);

    /// <summary>The ring through every participant: each group's routers in <see cref="MeshRingOrder"/>, the groups one after the other.</summary>
    public int[] Ring()
    {
        var ring = new List<int>(Count);
        foreach (var group in GroupsInOrder())
        {
            ring.AddRange(MeshRingOrder.Of([.. group.Select(i => Positions[i])]).Select(k => group[k]));
        }

        return [.. ring];
    }

    /// <summary>The participant grid's rows and columns, each in ring order, or null when the participants do not form a full grid.</summary>
    /// <remarks>
    /// On one mesh the rows are the mesh's rows and the columns its columns (each a line, folded). Across several
    /// meshes the rows are the groups (each in its mesh's ring order) and column k holds the k-th router of every group.
    /// </remarks>
    public (int[][] Rows, int[][] Columns)? Grid()
    {
        var groups = GroupsInOrder();
        if (groups.Count == 1)
        {
            var members = groups[0];
            var rows = members.GroupBy(i => Positions[i].Y).OrderBy(g => g.Key).Select(g => g.OrderBy(i => Positions[i].X).ToArray()).ToList();
            var xs = rows[0].Select(i => Positions[i].X).ToArray();
            if (rows.Any(r => !r.Select(i => Positions[i].X).SequenceEqual(xs)))
            {
                return null;
            }

            var columns = Enumerable.Range(0, xs.Length).Select(k => MeshRingOrder.Fold([.. rows.Select(r => r[k])])).ToArray();
            return ([.. rows.Select(r => MeshRingOrder.Fold(r))], columns);
        }

        var size = groups[0].Count;
        if (groups.Any(g => g.Count != size))
        {
            return null;
        }

        var ordered = groups.Select(g => g.OrderBy(i => Positions[i].Y).ThenBy(i => Positions[i].X).ToArray()).ToList();
        var groupRows = groups.Select(g => MeshRingOrder.Of([.. g.Select(i => Positions[i])]).Select(k => g[k]).ToArray()).ToArray();
        var groupColumns = Enumerable.Range(0, size).Select(k => MeshRingOrder.Fold([.. ordered.Select(g => g[k])])).ToArray();
        return (groupRows, groupColumns);
    }

    private List<List<int>> GroupsInOrder() =>
        [.. Enumerable.Range(0, Count).GroupBy(i => Groups[i]).OrderBy(g => g.Key).Select(g => g.ToList())];
}
