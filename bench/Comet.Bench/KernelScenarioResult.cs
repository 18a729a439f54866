namespace Comet.Bench;

/// <summary>One row of the kernel benchmark report.</summary>
/// <param name="Name">Scenario name: hold, store or resource.</param>
/// <param name="N">Number of processes.</param>
/// <param name="Events">Events processed in the measured window.</param>
/// <param name="EventsPerSecond">Kernel throughput.</param>
/// <param name="LimitEventsPerSecond">Throughput of the raw priority-queue twin, or null when there is none.</param>
/// <param name="BytesPerEvent">Bytes allocated per event in the measured window.</param>
public readonly record struct KernelScenarioResult(string Name, int N, long Events, double EventsPerSecond, double? LimitEventsPerSecond, double BytesPerEvent);
