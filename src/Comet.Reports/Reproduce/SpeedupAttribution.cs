using Comet.Reports.Compare;

namespace Comet.Reports.Reproduce;

/// <summary>Which simulated mechanism accounts for the simulated speedup differing from the model's, from <c>comet compare</c>'s switched runs of the fused and the unfused case.</summary>
/// <param name="SwitchedSpeedups">Per switch of <see cref="FormulaAssumptions.All"/>, in its order: the simulated speedup with that mechanism switched to the formula's assumption in both cases (null when a run is missing).</param>
/// <param name="Mechanism">The switch whose speedup comes closest to the model's, when it moves the simulated speedup towards it; null when none does (the formula's own terms account for the difference).</param>
public sealed record SpeedupAttribution(IReadOnlyList<double?> SwitchedSpeedups, string? Mechanism)
{
    /// <summary>Attributes the difference between the simulated speedup of <paramref name="fused"/> over <paramref name="unfused"/> and <paramref name="analyticSpeedup"/>.</summary>
    // pull_m = |s_sim − s_model| − |s_m − s_model|, s_m = unfused_m / fused_m; the mechanism is argmax pull_m when it is > 0.
    public static SpeedupAttribution Of(CompareCaseResult fused, CompareCaseResult unfused, double? analyticSpeedup)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(unfused);
        var switches = FormulaAssumptions.All;
        var speedups = Enumerable.Range(0, switches.Count)
            .Select(s => FusionRatios.Of(unfused.Switched.ElementAtOrDefault(s)?.SimulatedCycles, fused.Switched.ElementAtOrDefault(s)?.SimulatedCycles))
            .ToList();
        var simulated = FusionRatios.Of(unfused.Run.SimulatedCycles, fused.Run.SimulatedCycles);
        if (simulated is not { } sim || analyticSpeedup is not { } model)
        {
            return new SpeedupAttribution(speedups, null);
        }

        string? best = null;
        var bestPull = 0.0;
        for (var s = 0; s < switches.Count; s++)
        {
            if (speedups[s] is { } switched)
            {
                var pull = Math.Abs(sim - model) - Math.Abs(switched - model);
                if (pull > bestPull)
                {
                    (best, bestPull) = (switches[s].Name, pull);
                }
            }
        }

        return new SpeedupAttribution(speedups, best);
    }

    /// <summary>The switched speedup of <see cref="Mechanism"/>, or null when there is none.</summary>
    public double? MechanismSpeedup
    {
        get
        {
            var index = FormulaAssumptions.All.ToList().FindIndex(a => a.Name == Mechanism);
            return index < 0 ? null : SwitchedSpeedups[index];
        }
    }
}
