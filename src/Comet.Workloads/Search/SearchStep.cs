namespace Comet.Workloads.Search;

/// <summary>One operation of a searched case: its problem and mapping text (parsed once per search) and how a tiling sets its constants.</summary>
/// <param name="Folder">The step's subfolder in an unfused sequence (empty for a fused case).</param>
/// <param name="Problem">problem.yaml's text.</param>
/// <param name="Mapping">mapping.yaml's text, whose factors and orders name constants.</param>
/// <param name="Constants">The whole const.yaml table for a tiling, in writing order.</param>
public sealed record SearchStep(string Folder, string Problem, string Mapping, Func<Tiling, IReadOnlyList<KeyValuePair<string, string>>> Constants);
