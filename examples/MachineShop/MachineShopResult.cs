namespace Comet.Examples.MachineShop;

/// <summary>What the machine shop made.</summary>
/// <param name="Parts">Parts finished per machine.</param>
/// <param name="FinishTimes">Cycle at which each part was finished, per machine.</param>
/// <param name="RepairmanUtilization">Fraction of the run the repairman was busy.</param>
public sealed record MachineShopResult(IReadOnlyList<int> Parts, IReadOnlyList<IReadOnlyList<long>> FinishTimes, double RepairmanUtilization);
