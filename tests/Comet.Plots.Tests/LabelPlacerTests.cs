using Comet.Plots;
using NUnit.Framework;

namespace Comet.Plots.Tests;

/// <summary>Validation-plot labels: never over each other, a marker or the border.</summary>
public class LabelPlacerTests
{
    private static readonly LabelBox Area = new(0, 0, 400, 300);

    [Test]
    public void Place_SeparatedPoints_PutsEachLabelRightOfItsPoint()
    {
        var boxes = LabelPlacer.Place([(50, 50), (100, 200)], [(60, 12), (60, 12)], Area, 4);

        Assert.That(boxes[0], Is.EqualTo(new LabelBox(56, 44, 60, 12)));
        Assert.That(boxes[1], Is.EqualTo(new LabelBox(106, 194, 60, 12)));
    }

    [Test]
    public void Place_PointNearTheRightBorder_PutsTheLabelOnItsLeft()
    {
        var boxes = LabelPlacer.Place([(390, 150)], [(60, 12)], Area, 4);

        Assert.That(boxes[0], Is.EqualTo(new LabelBox(390 - 6 - 60, 144, 60, 12)));
    }

    [Test]
    public void Place_SixteenCrowdedPoints_NoPlacedLabelOverlapsAnotherAMarkerOrTheBorder()
    {
        var random = new Random(3);
        var anchors = Enumerable.Range(0, 16).Select(_ => (X: 180 + random.NextDouble() * 40, Y: 280 + random.NextDouble() * 15)).ToList();
        var sizes = Enumerable.Range(0, 16).Select(i => (Width: 80.0 + i, Height: 13.0)).ToList();

        var boxes = LabelPlacer.Place(anchors, sizes, Area, 4);

        var placed = boxes.Where(b => b is not null).Select(b => b!.Value).ToList();
        Assert.That(placed.Count, Is.InRange(5, 15), "some fit, the rest are left for the side list");
        for (var i = 0; i < placed.Count; i++)
        {
            Assert.That(placed[i].IsInside(Area), Is.True, $"{placed[i]} inside the border");
            Assert.That(anchors.Any(a => placed[i].Overlaps(new LabelBox(a.X - 4, a.Y - 4, 8, 8))), Is.False, $"{placed[i]} covers a marker");
            for (var j = i + 1; j < placed.Count; j++)
            {
                Assert.That(placed[i].Overlaps(placed[j]), Is.False, $"{placed[i]} and {placed[j]}");
            }
        }
    }
}
