using Comet.Hardware.Components;

namespace Comet.Workloads.Collectives;

/// <summary>The order a ring visits routers of a mesh: a Hamiltonian cycle when the routers fill a rectangle that has one, otherwise the folded snake.</summary>
/// <remarks>
/// A rectangle of w×h routers with w, h ≥ 2 and w·h even has a Hamiltonian cycle, so every ring step is one hop on
/// its own link: along the first row, boustrophedon through the other rows leaving column 0 free, and back up
/// column 0. Any other set (a 1×N line, an odd×odd block, a partial one) is ordered as a snake (rows by y,
/// alternating direction) and folded: the even positions of the snake forward, then the odd ones backward, so a
/// step spans at most two snake steps and the ring needs no long wrap-around path (on a line every step is ≤ 2 hops
/// and the steps use disjoint links).
/// </remarks>
public static class MeshRingOrder
{
    /// <summary>Indices into <paramref name="positions"/> in the order the ring visits them.</summary>
    public static int[] Of(IReadOnlyList<MeshNode> positions)
    {
        var n = positions.Count;
        if (n <= 2)
        {
            return [.. Enumerable.Range(0, n)];
        }

        int x0 = positions.Min(p => p.X), x1 = positions.Max(p => p.X), y0 = positions.Min(p => p.Y), y1 = positions.Max(p => p.Y);
        int w = x1 - x0 + 1, h = y1 - y0 + 1;
        var distinct = positions.Distinct().Count();
        if (w >= 2 && h >= 2 && w * h == n && distinct == n && (w * h) % 2 == 0)
        {
            var index = new Dictionary<MeshNode, int>();
            for (var i = 0; i < n; i++)
            {
                index[positions[i]] = i;
            }

            return [.. Cycle(w, h).Select(c => index[new MeshNode(x0 + c.X, y0 + c.Y)])];
        }

        return Fold(Snake(positions));
    }

    /// <summary>The folded order of a line of <paramref name="line"/>.Count members: even positions forward, odd ones backward.</summary>
    public static int[] Fold(IReadOnlyList<int> line)
    {
        var forward = Enumerable.Range(0, line.Count).Where(i => i % 2 == 0);
        var backward = Enumerable.Range(0, line.Count).Where(i => i % 2 == 1).Reverse();
        return [.. forward.Concat(backward).Select(i => line[i])];
    }

    /// <summary>A Hamiltonian cycle of a w×h rectangle (w, h ≥ 2, w·h even), from (0,0).</summary>
    private static List<MeshNode> Cycle(int w, int h)
    {
        if (h % 2 != 0)
        {
            // Snake along the even side: transpose.
            return [.. Cycle(h, w).Select(c => new MeshNode(c.Y, c.X))];
        }

        var cycle = new List<MeshNode>(w * h);
        for (var x = 0; x < w; x++)
        {
            cycle.Add(new MeshNode(x, 0));
        }

        for (var y = 1; y < h; y++)
        {
            for (var k = 1; k < w; k++)
            {
                cycle.Add(new MeshNode(y % 2 == 1 ? w - k : k, y));
            }
        }

        for (var y = h - 1; y >= 1; y--)
        {
            cycle.Add(new MeshNode(0, y));
        }

        return cycle;
    }

    /// <summary>Indices in snake order: rows by y, x ascending on even rows and descending on odd ones.</summary>
    private static List<int> Snake(IReadOnlyList<MeshNode> positions)
    {
        var rows = Enumerable.Range(0, positions.Count).GroupBy(i => positions[i].Y).OrderBy(g => g.Key).ToList();
        var snake = new List<int>(positions.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r].OrderBy(i => positions[i].X).ThenBy(i => i);
            snake.AddRange(r % 2 == 0 ? row : row.Reverse());
        }

        return snake;
    }
}
