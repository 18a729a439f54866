using Comet.Hardware.Components;

namespace Comet.Reports.Compare;

/// <summary>The mechanisms <c>comet compare</c> switches, one at a time, to the formula's assumption: the one table a new switch is added to.</summary>
public static class FormulaAssumptions
{
    /// <summary>Every switch, in the order compare.csv and the JSON list them.</summary>
    public static IReadOnlyList<FormulaAssumption> All { get; } =
    [
        new("network", "whole-tile store-and-forward (D = H)", o => o with { Network = MeshSwitching.StoreAndForward }),
    ];
}
