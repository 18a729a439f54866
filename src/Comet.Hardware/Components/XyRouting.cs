namespace Comet.Hardware.Components;

/// <summary>Dimension-ordered routing: all the way along X first, then along Y (deadlock-free on a mesh).</summary>
public sealed class XyRouting : IMeshRouting
{
    /// <summary>The one instance (the strategy has no state).</summary>
    public static XyRouting Instance { get; } = new();

    /// <inheritdoc />
    public int NextDirection(MeshNode at, MeshNode destination) =>
        destination.X > at.X ? MeshDirection.East
        : destination.X < at.X ? MeshDirection.West
        : destination.Y > at.Y ? MeshDirection.South
        : destination.Y < at.Y ? MeshDirection.North
        : -1;
}
