using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Whether a mapping lets two leaves use one engine at once: the rule that decides if a leaf may keep its engine for a whole invocation (a streaming leaf).</summary>
public static class EngineSharing
{
    /// <summary>True when no pipeline, parallel or sharing binding lets two leaves share an engine at once.</summary>
    public static bool EnginesExclusive(Mapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return !mapping.Nodes.OfType<InterTileBindingNode>().Any(b => b.Kind is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing);
    }
}
