namespace Comet.Reports.Reproduce;

/// <summary>Which case <c>comet reproduce</c> needs: one compound operation at one shape on one preset, fused or unfused.</summary>
/// <param name="Operation">The operation's name (a row of <c>CompoundTemplates</c>).</param>
/// <param name="Preset">The preset's name.</param>
/// <param name="Shape">The sizes by dimension name.</param>
/// <param name="Fused">True for the fused dataflow, false for the unfused sequence.</param>
/// <param name="CaseName">The case's folder name in the output (<c>op-preset-shape-fused</c>), for a source that writes files of its own.</param>
public sealed record BestCaseQuery(string Operation, string Preset, IReadOnlyDictionary<string, long> Shape, bool Fused, string CaseName);
