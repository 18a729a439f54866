using Comet.Hardware.Components;
using Comet.Workloads.Collectives;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Collectives;

/// <summary>Rings visit every participant once; on full even meshes every step is one hop, on lines at most two on disjoint links.</summary>
public class MeshRingOrderTests
{
    private static MeshNode[] Grid(int x, int y) => [.. Enumerable.Range(0, x * y).Select(i => new MeshNode(i % x, i / x))];

    private static int[] StepHops(MeshNode[] positions, int[] ring) =>
        [.. ring.Select((p, k) => positions[p].HopsTo(positions[ring[(k + 1) % ring.Length]]))];

    [TestCase(2, 2)]
    [TestCase(4, 4)]
    [TestCase(3, 4)]
    [TestCase(4, 3)]
    [TestCase(2, 8)]
    public void FullEvenMesh_HamiltonianCycle_EveryStepOneHop(int x, int y)
    {
        var positions = Grid(x, y);
        var ring = MeshRingOrder.Of(positions);
        Assert.That(ring.Order(), Is.EqualTo(Enumerable.Range(0, x * y)));
        Assert.That(StepHops(positions, ring), Is.All.EqualTo(1));
    }

    [Test]
    public void Line_FoldedSnake_StepsOfAtMostTwoHopsOnDisjointLinks()
    {
        // 1×16 (a column): 0, 2, 4, …, 14, 15, 13, …, 1 — down on the even routers, back up on the odd ones.
        var positions = Grid(1, 16);
        var ring = MeshRingOrder.Of(positions);
        Assert.That(ring, Is.EqualTo(new[] { 0, 2, 4, 6, 8, 10, 12, 14, 15, 13, 11, 9, 7, 5, 3, 1 }));
        Assert.That(StepHops(positions, ring).Max(), Is.EqualTo(2));

        // Every directed link (router, direction) is used by at most one step.
        var links = new List<(int, int)>();
        for (var k = 0; k < ring.Length; k++)
        {
            int from = ring[k], to = ring[(k + 1) % ring.Length];
            var step = Math.Sign(to - from);
            for (var at = from; at != to; at += step)
            {
                links.Add((at, step));
            }
        }

        Assert.That(links, Is.Unique);
    }

    [Test]
    public void OddMesh_FoldedSnake_VisitsEveryRouterOnce()
    {
        var positions = Grid(3, 3);
        var ring = MeshRingOrder.Of(positions);
        Assert.That(ring.Order(), Is.EqualTo(Enumerable.Range(0, 9)));

        // Snake 0 1 2 5 4 3 6 7 8; folded: positions 0, 2, 4, 6, 8 forward, 7, 5, 3, 1 back.
        Assert.That(ring, Is.EqualTo(new[] { 0, 2, 4, 6, 8, 7, 3, 5, 1 }));
    }

    [Test]
    public void Layout_Grid_RowsAndColumnsOfAFullMesh_NullForAPartialOne()
    {
        var grid = CollectiveLayout.OneMesh(16, 4).Grid();
        Assert.That(grid, Is.Not.Null);
        Assert.That(grid!.Value.Rows, Has.Length.EqualTo(4));
        Assert.That(grid.Value.Rows[1], Is.EqualTo(new[] { 4, 6, 7, 5 }));
        Assert.That(grid.Value.Columns[2], Is.EqualTo(new[] { 2, 10, 14, 6 }));

        // 14 routers of a 4×4 mesh do not form a grid: 2d runs as ring.
        var partial = CollectiveLayout.OneMesh(14, 4);
        Assert.That(partial.Grid(), Is.Null);
        Assert.That(CollectiveAlgorithms.Runnable(CollectiveAlgorithmChoice.TwoD, partial, true, false), Is.EqualTo(CollectiveAlgorithmChoice.Ring));
    }
}
