using Comet.Cli.Terminal;
using Comet.Reports.Runs;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>The large trace announced before a run: one stderr line past the threshold, naming the --trace levels that keep it small.</summary>
public class LargeTraceWarningTests : TempFolderTest
{
    [Test]
    public void For_TraceOverTheThreshold_IsOneLine()
    {
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("gemm_only"));
        var rows = TraceSizeEstimate.Rows(inputs.Mapping, streamLeaves: true);
        var request = new SimulationRequest(inputs, "gemm_only", Path.Combine(Root, "out"), SimulationTraceLevel.Full, 0, NocEnergy: false);

        var warning = LargeTraceWarning.For(request, warningBytes: 100_000);

        var lines = (warning ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        var expectedMb = (rows * 207 / 1e6).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(lines[0], Does.StartWith($"warning: this run's trace files are estimated at {expectedMb} MB"));
        Assert.That(lines[0], Does.Contain("--trace summary"));
    }

    [TestCase(SimulationTraceLevel.Full, 1_000_000_000L)]
    [TestCase(SimulationTraceLevel.Summary, 1L)]
    [TestCase(SimulationTraceLevel.None, 1L)]
    public void For_SmallOrSummaryTrace_IsNull(SimulationTraceLevel level, long threshold)
    {
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("gemm_only"));
        var request = new SimulationRequest(inputs, "gemm_only", Path.Combine(Root, "out"), level, 0, NocEnergy: false);

        Assert.That(LargeTraceWarning.For(request, threshold), Is.Null);
    }

    [Test]
    public void For_CloudCase_ExceedsOneGigabyteOnlyTileByTile()
    {
        // Measured: 4.18 M raw rows streaming (0.7 GB of CSV and JSON), 35 M tile by tile (6.3 GB).
        var mapping = CometInputLoader.LoadFolder(ReferenceCases.Case("im_cloud_M2048N2048K256_0")).Mapping;
        Assert.That(LargeTraceWarning.For(mapping, true, SimulationTraceLevel.Full, SimulationTraceFormats.Default, LargeTraceWarning.DefaultWarningBytes), Is.Null);
        Assert.That(LargeTraceWarning.For(mapping, false, SimulationTraceLevel.Full, SimulationTraceFormats.Default, LargeTraceWarning.DefaultWarningBytes), Does.Contain("GB"));
    }

    [Test]
    public void For_PipelineBinding_EstimatesLeavesTileByTile()
    {
        // A pipeline binding lets two leaves share an engine, so the executor runs its leaves tile by tile: the estimate
        // must count them so (31.3 M rows, 6.5 GB; 28 M kernel events measured) rather than streaming (0.1 M rows).
        var inputs = CometInputLoader.LoadFolder(Path.Combine(ValidateCaseFolders.OracleRoot, "edge_bind_pipeline_top"));
        var request = new SimulationRequest(inputs, "edge_bind_pipeline_top", Path.Combine(Root, "out"), SimulationTraceLevel.Full, 0, NocEnergy: false);

        Assert.That(Comet.Workloads.Execution.EngineSharing.EnginesExclusive(inputs.Mapping), Is.False);
        Assert.That(LargeTraceWarning.For(inputs.Mapping, true, SimulationTraceLevel.Full, SimulationTraceFormats.Default, LargeTraceWarning.DefaultWarningBytes), Is.Null);
        Assert.That(LargeTraceWarning.For(request), Does.Contain("GB"));
    }
}
