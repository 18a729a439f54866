using Comet.Hardware.Loading;

namespace Comet.Workloads.Search;

/// <summary>Costs candidates of one search: the architecture and every step's YAML parsed once, each candidate's steps costed and summed.</summary>
public sealed class CandidateEvaluator
{
    private readonly SearchSetup setup;
    private readonly IReadOnlyList<BoundStep> steps;

    /// <summary>Parses the setup's architecture and steps once (an unfused sequence's steps remember their costs: many candidates share each step's factors).</summary>
    public CandidateEvaluator(SearchSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        this.setup = setup;
        var arch = ArchitectureLoader.Parse(setup.ArchText);
        steps = [.. setup.Steps.Select(s => new BoundStep(arch, s, setup.NocEnergy, remember: setup.Steps.Count > 1))];
    }

    /// <summary>The bound steps, in run order.</summary>
    public IReadOnlyList<BoundStep> Steps => steps;

    /// <summary>The candidate's figures: pruned by the setup's capacity pre-check if that fails, else the first step that is pruned or invalid gives the status; otherwise cycles and energy are the steps' sums.</summary>
    public CandidateCost Cost(Tiling tiling)
    {
        long cycles = 0;
        double energy = 0;
        var dram = setup.DramBytes(tiling);
        if (setup.CapacityPreCheck?.Invoke(tiling) is { } misfit)
        {
            return new CandidateCost(tiling, $"pruned: {misfit}", null, null, dram);
        }

        foreach (var step in steps)
        {
            var cost = step.Cost(tiling);
            if (cost.Status != CandidateCost.Ok)
            {
                return new CandidateCost(tiling, cost.Status, null, null, dram);
            }

            cycles += cost.Cycles;
            energy += cost.EnergyPj;
        }

        return new CandidateCost(tiling, CandidateCost.Ok, cycles, energy, dram);
    }
}
