namespace Comet.Workloads.Generation;

/// <summary>What <c>comet generate</c> was asked for: the operation, the preset, the shape and the choices that override the default rule.</summary>
/// <param name="Operation">The compound operation's name (a row of <see cref="CompoundTemplates"/>).</param>
/// <param name="Preset">The preset architecture's name.</param>
/// <param name="Shape">The operation's sizes by dimension name (<c>M</c>, <c>N</c>, <c>K</c>; attention: its own).</param>
/// <param name="Fused">True for the fused dataflow, false for the unfused sequence.</param>
/// <param name="ClusterSplit">N's split across clusters as columns × rows (null: the preset's cluster mesh).</param>
/// <param name="CoreSplit">N's split across the cores of a cluster as columns × rows (null: the preset's core mesh).</param>
/// <param name="Overrides">Constants given explicitly (<c>--factor NAME=VALUE</c>), which replace the rule's values.</param>
public sealed record GenerationRequest(
    string Operation,
    string Preset,
    IReadOnlyDictionary<string, long> Shape,
    bool Fused,
    MeshSplit? ClusterSplit = null,
    MeshSplit? CoreSplit = null,
    IReadOnlyDictionary<string, string>? Overrides = null);
