using Comet.Hardware.Components;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class MeshAttachmentsTests
{
    [Test]
    public void OnePort_AttachesAtTheCorner()
    {
        Assert.That(MeshAttachments.Default(1, 4, 4), Is.EqualTo(new[] { new MeshNode(0, 0) }));
    }

    [Test]
    public void UpToTheRowWidth_PortsSpreadAlongTheFirstRow()
    {
        // x_i = ⌊i·X/P⌋: two ports on 4 columns at 0 and 2; four at every column.
        Assert.That(MeshAttachments.Default(2, 4, 4), Is.EqualTo(new[] { new MeshNode(0, 0), new MeshNode(2, 0) }));
        Assert.That(MeshAttachments.Default(4, 4, 4), Is.EqualTo(Enumerable.Range(0, 4).Select(x => new MeshNode(x, 0))));
    }

    [Test]
    public void MorePortsThanColumns_SpreadRowMajorOverTheMesh_OnePerRouterAtMost()
    {
        // ⌊i·X·Y/P⌋ with P = 8 on 4×4: routers 0, 2, 4, …, 14; 32 ports give the 16 routers.
        Assert.That(MeshAttachments.Default(8, 4, 4), Is.EqualTo(Enumerable.Range(0, 8).Select(i => new MeshNode(2 * i % 4, 2 * i / 4))));
        Assert.That(MeshAttachments.Default(32, 4, 4), Has.Count.EqualTo(16));
    }

    [Test]
    public void Nearest_TakesTheFewestHops_AndTheFirstListedOnATie()
    {
        IReadOnlyList<MeshNode> row = [new(0, 0), new(2, 0)];
        Assert.That(MeshAttachments.Nearest(row, new MeshNode(0, 3)), Is.EqualTo(new MeshNode(0, 0)));
        Assert.That(MeshAttachments.Nearest(row, new MeshNode(3, 1)), Is.EqualTo(new MeshNode(2, 0)));
        Assert.That(MeshAttachments.Nearest(row, new MeshNode(1, 2)), Is.EqualTo(new MeshNode(0, 0)), "(1,2) is 3 hops from both; the first listed wins");
    }
}
