namespace Comet.Workloads.Generation;

/// <summary>One file of a generated case: its path relative to the case folder ('/'-separated) and its text.</summary>
/// <param name="RelativePath">The path inside the case folder, e.g. <c>mapping.yaml</c> or <c>01-gemm/mapping.yaml</c>.</param>
/// <param name="Text">The file's whole text.</param>
public sealed record GeneratedFile(string RelativePath, string Text);
