namespace Comet.Workloads.Generation;

/// <summary>An inter_tile_binding between sibling subtrees: how the next one is scheduled after the previous one.</summary>
/// <param name="Binding">The binding: <c>sequential</c>, <c>pipeline</c>, <c>parallel</c> or <c>sharing</c>.</param>
public sealed record BindingNodeSpec(string Binding) : MappingNodeSpec
{
    /// <summary>The sequential binding every generated template uses between dependent steps.</summary>
    public static BindingNodeSpec Sequential { get; } = new("sequential");
}
