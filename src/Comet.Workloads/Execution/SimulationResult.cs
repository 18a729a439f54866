namespace Comet.Workloads.Execution;

/// <summary>What one simulation of a mapping observed.</summary>
/// <param name="SimulatedCycles">Cycle at which the last activity ended.</param>
/// <param name="Events">Kernel events processed.</param>
/// <param name="Nodes">Per mapping node figures.</param>
/// <param name="Levels">Per level traffic.</param>
/// <param name="EnergyByComponent">Energy per level, pJ.</param>
/// <param name="TotalEnergy">Total energy, pJ.</param>
/// <param name="Units">Units counted per level and access kind (bytes, or operations for compute).</param>
/// <param name="Idle">Idle cycles per component instance and reason (empty when none idled).</param>
/// <param name="Traffic">Bytes moved per level and tensor.</param>
/// <param name="Activity">How often the switchable mechanisms acted (null when not collected).</param>
public sealed record SimulationResult(
    long SimulatedCycles,
    long Events,
    IReadOnlyList<NodeStatistics> Nodes,
    IReadOnlyList<LevelStatistics> Levels,
    IReadOnlyDictionary<string, double> EnergyByComponent,
    double TotalEnergy,
    IReadOnlyDictionary<string, long> Units,
    IReadOnlyList<InstanceIdleTime>? Idle = null,
    IReadOnlyList<TensorTraffic>? Traffic = null,
    MechanismActivity? Activity = null);
