namespace Comet.Bench;

/// <summary>One point of a load sweep.</summary>
/// <param name="Offered">Offered load, flits per node per cycle.</param>
/// <param name="Generated">Flits created in the window per node per cycle (the offered load as drawn).</param>
/// <param name="Accepted">Flits delivered in the window per node per cycle.</param>
/// <param name="Latency">Mean latency of the packets created in the window and delivered before it closed, cycles.</param>
/// <param name="Packets">Packets that latency is over.</param>
/// <param name="Events">Kernel events of the run.</param>
public sealed record NocLoadPoint(double Offered, double Generated, double Accepted, double Latency, long Packets, long Events);
