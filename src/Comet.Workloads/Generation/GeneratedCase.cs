namespace Comet.Workloads.Generation;

/// <summary>What a template produced: the files of one case folder (fused) or of an unfused sequence folder, and the factors it chose.</summary>
/// <param name="Files">The files in writing order.</param>
/// <param name="Factors">The tile factors the rule chose (after overrides), by constant name, for the console.</param>
public sealed record GeneratedCase(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<KeyValuePair<string, string>> Factors);
