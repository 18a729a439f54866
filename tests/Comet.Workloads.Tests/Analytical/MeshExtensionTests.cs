using Comet.Workloads.Analytical;
using Comet.Workloads.Tests.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>Meshes outside COMET's hop table are reported as Comet's extension.</summary>
public class MeshExtensionTests
{
    [TestCase(1, 1, true)]
    [TestCase(2, 2, true)]
    [TestCase(4, 4, true)]
    [TestCase(16, 16, true)]
    [TestCase(3, 3, false)]
    [TestCase(4, 2, false)]
    [TestCase(8, 8, false)]
    public void IsTabulated_OnlyTheToolsFourSquares(long x, long y, bool expected) =>
        Assert.That(MeshHops.IsTabulated(x, y), Is.EqualTo(expected));

    [Test]
    public void Mesh3x3_ScatterIntoNineGBuffers_IsNotedAsTheExtension()
    {
        // 9 GBuffers on a 3x3 mesh: DRAM fans tiles out to 9 children, m = ceil(sqrt 9) = 3 fits, so the move occupies
        // 3x3, where the tool throws out_of_range; Comet uses H = D = 2 + 2 = 4.
        var report = AnalyticalModel.Evaluate(CaseFiles.Load("ex_a_mesh3x3"));

        Assert.That(report.MeshExtensions, Is.EqualTo(new[] { new MeshExtension("DRAM->GBuffer", 3, 3, 4) }));
        Assert.That(report.Notes.Single(), Is.EqualTo("DRAM->GBuffer: COMET has no hop table for a 3x3 mesh (it aborts); the analytic figure uses Comet's extension H = D = (X-1)+(Y-1) = 4"));
    }

    [Test]
    public void ExBase_TwoByTwoMeshes_HaveNoNote()
    {
        var report = AnalyticalModel.Evaluate(CaseFiles.Load("ex_base"));
        Assert.That(report.MeshExtensions, Is.Empty);
        Assert.That(report.Notes, Is.Empty);
    }

    [Test]
    public void Mesh2x4WithFanOut8_IsNotedAsFourByTwo()
    {
        // the oracle's failing case: GBuffer mesh 2x4 (meshX 2 < m = 3, meshY 4 >= 3) gives dims (meshY, ceil(8/4)) = (4, 2)
        var dir = Path.Combine(Inputs.ReferencePaths.RepositoryRoot, "tests", "data", "oracle", "fail_ex_mesh2x4_fan8");
        var report = AnalyticalModel.Evaluate(Comet.Workloads.Inputs.CometInputLoader.LoadFolder(dir));
        Assert.That(report.MeshExtensions.Select(m => (m.X, m.Y, m.Hops)), Does.Contain((4L, 2L, 4L)));
    }
}
