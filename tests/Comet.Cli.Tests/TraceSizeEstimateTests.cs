using Comet.Hardware.Components;
using Comet.Cli.Reports;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>The trace size announced before a run: the rows a run writes within a factor of 1.5, and one stderr line past the threshold.</summary>
public class TraceSizeEstimateTests : TempFolderTest
{
    [TestCase("gemm_only", true)]
    [TestCase("gemm_only", false)]
    [TestCase("ex_base", true)]
    [TestCase("im_edge_M256N256K128_0", true)]
    public void Rows_EstimateTheRowsOfTheRawTrace_WithinAFactorOfOnePointFive(string name, bool streamLeaves)
    {
        // The estimate leaves link hops out: store-and-forward writes one row per tile per hop, which it absorbs;
        // cut-through writes one per packet per hop, which it does not (docs/simulator.md).
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case(name));
        var estimate = TraceSizeEstimate.Rows(inputs.Mapping, streamLeaves);
        var request = new SimulationRequest(inputs, name, Path.Combine(Root, "out"), SimulationTraceLevel.Raw, 0, NocEnergy: false, Plots: false,
            Execution: ExecutionOptions.Default with { StreamLeaves = streamLeaves, Network = MeshSwitching.StoreAndForward }, TraceFormats: SimulationTraceFormats.Csv);

        SimulationRun.Execute(request, CancellationToken.None);
        var rows = File.ReadLines(Path.Combine(Root, "out", "trace.csv")).LongCount() - 1;

        TestContext.Out.WriteLine($"{name} stream={streamLeaves}: estimate {estimate}, raw rows {rows}");
        Assert.That(estimate, Is.InRange(rows / 1.5, rows * 1.5));
    }

    [Test]
    public void Bytes_AreRowsTimesTheMeanRowSizeOfEachFormat()
    {
        Assert.That(TraceSizeEstimate.Bytes(1000, SimulationTraceFormats.Default), Is.EqualTo(1000 * (62 + 145)));
        Assert.That(TraceSizeEstimate.Bytes(1000, SimulationTraceFormats.Perfetto), Is.EqualTo(60_000));
        Assert.That(TraceSizeEstimate.Bytes(long.MaxValue / 2, SimulationTraceFormats.Default), Is.EqualTo(long.MaxValue), "saturates");
    }

    [Test]
    public void Execute_TraceOverTheThreshold_SaysSoInOneStderrLineBeforeTheRun()
    {
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("gemm_only"));
        var rows = TraceSizeEstimate.Rows(inputs.Mapping, streamLeaves: true);
        var stderr = new StringWriter();
        var request = new SimulationRequest(inputs, "gemm_only", Path.Combine(Root, "out"), SimulationTraceLevel.Full, 0, NocEnergy: false, Plots: false, TraceWarningBytes: 100_000);

        SimulationRun.Execute(request, CancellationToken.None, stderr);

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        var expectedMb = (rows * 207 / 1e6).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(lines[0], Does.StartWith($"warning: this run's trace files are estimated at {expectedMb} MB"));
        Assert.That(lines[0], Does.Contain("--trace summary"));
    }

    [TestCase(SimulationTraceLevel.Full, 1_000_000_000L)]
    [TestCase(SimulationTraceLevel.Summary, 1L)]
    [TestCase(SimulationTraceLevel.None, 1L)]
    public void Execute_SmallOrSummaryTrace_SaysNothing(SimulationTraceLevel level, long threshold)
    {
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("gemm_only"));
        var stderr = new StringWriter();
        var request = new SimulationRequest(inputs, "gemm_only", Path.Combine(Root, "out"), level, 0, NocEnergy: false, Plots: false, TraceWarningBytes: threshold);

        SimulationRun.Execute(request, CancellationToken.None, stderr);

        Assert.That(stderr.ToString(), Is.Empty);
    }

    [Test]
    public void Warning_CloudCase_ExceedsOneGigabyteOnlyTileByTile()
    {
        // Measured: 4.18 M raw rows streaming (0.7 GB of CSV and JSON), 35 M tile by tile (6.3 GB); estimated 3.47 M and 38.9 M.
        var mapping = CometInputLoader.LoadFolder(ReferenceCases.Case("im_cloud_M2048N2048K256_0")).Mapping;
        Assert.That(TraceSizeEstimate.Rows(mapping, true), Is.InRange(4_180_000 / 1.5, 4_180_000 * 1.5));
        Assert.That(TraceSizeEstimate.Rows(mapping, false), Is.InRange(35_000_000 / 1.5, 35_000_000 * 1.5));
        Assert.That(TraceSizeEstimate.Warning(mapping, true, SimulationTraceLevel.Full, SimulationTraceFormats.Default, TraceSizeEstimate.DefaultWarningBytes), Is.Null);
        Assert.That(TraceSizeEstimate.Warning(mapping, false, SimulationTraceLevel.Full, SimulationTraceFormats.Default, TraceSizeEstimate.DefaultWarningBytes), Does.Contain("GB"));
    }
}
