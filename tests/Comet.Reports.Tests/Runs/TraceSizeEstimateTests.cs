using Comet.Hardware.Components;
using Comet.Reports.Runs;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Reports.Tests.Runs;

/// <summary>The trace size estimated before a run: the rows a run writes within a factor of 1.5, and bytes as rows times the mean row size.</summary>
public class TraceSizeEstimateTests : TempFolderTest
{
    [TestCase("gemm_only", true)]
    [TestCase("gemm_only", false)]
    [TestCase("ex_base", true)]
    [TestCase("im_edge_M256N256K128_0", true)]
    public void Rows_EstimateTheRowsOfTheRawTrace_WithinAFactorOfOnePointFive(string name, bool streamLeaves)
    {
        // The estimate leaves link hops out: store-and-forward writes one row per tile per hop, which it absorbs;
        // cut-through writes one per packet per hop, which it does not (docs/simulator.md); it counts one move per tile per
        // invocation, as serial transfers, lock-step instances and no cross-invocation reuse make them.
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case(name));
        var estimate = TraceSizeEstimate.Rows(inputs.Mapping, streamLeaves);
        var request = new SimulationRequest(inputs, name, Path.Combine(Root, "out"), SimulationTraceLevel.Raw, 0, NocEnergy: false,
            Execution: ExecutionOptions.Default with { StreamLeaves = streamLeaves, Network = MeshSwitching.StoreAndForward, Transfers = TransferMode.Serial, Instances = InstanceSync.Lockstep, Reuse = TileReuse.None, Prefetch = PrefetchMode.None }, TraceFormats: SimulationTraceFormats.Csv);

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
    public void Rows_CloudCase_AreOfTheMeasuredRawRows()
    {
        // Measured: 4.18 M raw rows streaming (0.7 GB of CSV and JSON), 35 M tile by tile (6.3 GB); estimated 3.47 M and 38.9 M.
        var mapping = CometInputLoader.LoadFolder(ReferenceCases.Case("im_cloud_M2048N2048K256_0")).Mapping;
        Assert.That(TraceSizeEstimate.Rows(mapping, true), Is.InRange(4_180_000 / 1.5, 4_180_000 * 1.5));
        Assert.That(TraceSizeEstimate.Rows(mapping, false), Is.InRange(35_000_000 / 1.5, 35_000_000 * 1.5));
    }
}
