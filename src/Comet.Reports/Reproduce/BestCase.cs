using Comet.Workloads.Generation;

namespace Comet.Reports.Reproduce;

/// <summary>The best case a source found for a query: the files of its case folder and how it was chosen.</summary>
/// <param name="Case">The generated files (a case folder, or an unfused sequence folder).</param>
/// <param name="ChosenBy">How the tiling was chosen, in words (e.g. <c>default rule</c>), for reproduce.md.</param>
public sealed record BestCase(GeneratedCase Case, string ChosenBy);
