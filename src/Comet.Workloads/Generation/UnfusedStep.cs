namespace Comet.Workloads.Generation;

/// <summary>One operation of an unfused sequence: its subfolder's name and its problem, mapping and constants.</summary>
/// <param name="Folder">The subfolder, <c>NN-op</c> (e.g. <c>01-gemm</c>).</param>
/// <param name="Problem">problem.yaml's text.</param>
/// <param name="Mapping">mapping.yaml's text.</param>
/// <param name="Constants">const.yaml's values.</param>
public sealed record UnfusedStep(string Folder, string Problem, string Mapping, IReadOnlyList<KeyValuePair<string, string>> Constants);
