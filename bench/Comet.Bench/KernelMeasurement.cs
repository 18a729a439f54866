namespace Comet.Bench;

/// <summary>What one timed run of a scenario measured.</summary>
/// <param name="Events">Events processed in the measured window.</param>
/// <param name="EventsPerSecond">Events per wall-clock second.</param>
/// <param name="BytesPerEvent">Bytes allocated on this thread per event.</param>
public readonly record struct KernelMeasurement(long Events, double EventsPerSecond, double BytesPerEvent);
