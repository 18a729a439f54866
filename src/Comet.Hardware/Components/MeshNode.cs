namespace Comet.Hardware.Components;

/// <summary>A router position on a mesh.</summary>
/// <param name="X">Column.</param>
/// <param name="Y">Row.</param>
public readonly record struct MeshNode(int X, int Y)
{
    /// <summary>Manhattan distance to <paramref name="other"/> (the hop count of dimension-ordered routing).</summary>
    public int HopsTo(MeshNode other) => Math.Abs(X - other.X) + Math.Abs(Y - other.Y);
}
