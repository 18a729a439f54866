namespace Comet.Reports.Reproduce;

/// <summary>One planned row: an operation at one shape on one preset, and its fused and unfused case folders as written.</summary>
/// <param name="Operation">The operation's name.</param>
/// <param name="Shape">The shape and preset.</param>
/// <param name="ChosenBy">The best-case source's name.</param>
/// <param name="Fused">The fused case folder, or null when it could not be generated.</param>
/// <param name="Unfused">The unfused case folder, or null when it could not be generated.</param>
/// <param name="Problem">Why the row cannot be run (the preset cannot tile the shape), or null.</param>
public sealed record ReproducePlan(string Operation, ReproduceShape Shape, string ChosenBy, Sweeps.ValidationCase? Fused, Sweeps.ValidationCase? Unfused, string? Problem);
