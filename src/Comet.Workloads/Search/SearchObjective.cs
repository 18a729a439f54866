namespace Comet.Workloads.Search;

/// <summary>What a search minimizes.</summary>
public enum SearchObjective
{
    /// <summary>The model's total cycles.</summary>
    Cycles,

    /// <summary>The model's total energy.</summary>
    Energy,

    /// <summary>Energy × cycles (energy-delay product).</summary>
    Edp,
}
