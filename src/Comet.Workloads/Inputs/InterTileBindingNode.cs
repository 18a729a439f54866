namespace Comet.Workloads.Inputs;

/// <summary>An <c>inter_tile_binding</c> between siblings.</summary>
public sealed record InterTileBindingNode : MappingNode
{
    /// <summary>The binding kind.</summary>
    public required BindingKind Kind { get; init; }
}
