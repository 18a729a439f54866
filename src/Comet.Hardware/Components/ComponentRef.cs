namespace Comet.Hardware.Components;

/// <summary>Names one instance of a hardware component, as it appears on a trace track.</summary>
/// <param name="Name">The component's name (a hierarchy level such as <c>GBuffer</c>, or <c>GBuffer.noc</c>).</param>
/// <param name="Instance">The instance index within the whole machine.</param>
public readonly record struct ComponentRef(string Name, int Instance)
{
    /// <summary>Returns <c>Name[Instance]</c>.</summary>
    public override string ToString() => $"{Name}[{Instance}]";
}
