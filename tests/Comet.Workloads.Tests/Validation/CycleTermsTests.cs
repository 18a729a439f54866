using System.Text.Json;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using Comet.Workloads.Validation;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Validation;

/// <summary>The calibration terms of a real case add up to the tool's Total Cycles.</summary>
public class CycleTermsTests
{
    [Test]
    public void Of_OracleCase_TermsAddUpToTotalCyclesAndOsCountsIterations()
    {
        var folder = Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "oracle", "ex_M32N128K512_t0");
        var report = AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(folder), new AnalyticOptions(false));

        var terms = CycleTerms.Of(report);

        // Tool's table: CS 2088 + 66304 + 128 + 576, TMW 57344 + 1024; OS = GBuffer's 1004 × 16 parent iterations + GATHER 153.
        Assert.That(terms, Is.EqualTo(new double[] { 69096, (1004 * 16) + 153, 58368 }));
        Assert.That(terms.Sum(), Is.EqualTo(143681), "the case's expected.json total_cycles");
    }
}
