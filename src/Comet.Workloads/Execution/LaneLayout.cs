namespace Comet.Workloads.Execution;

/// <summary>How a temporal node's entries split over the lanes of its fan-out: which entries go to every lane on their own, and each lane's tile group and place in it.</summary>
/// <param name="Lanes">Lanes (physical instances of the fan-out; logical instance p runs on lane p, nothing folds).</param>
/// <param name="PerLane">Per entry: true when a spatial child fans it out, so each lane waits for and releases its own copy; false for a tile that a child run once for all lanes uses.</param>
/// <param name="GroupOf">Per per-lane entry and lane, the index of the tile group holding the lane.</param>
/// <param name="Place">Per per-lane entry and lane, the lane's position in its group (its destination among the group's).</param>
internal sealed record LaneLayout(int Lanes, bool[] PerLane, int[][] GroupOf, int[][] Place);
