namespace Comet.Hardware.Components;

/// <summary>The four directions a mesh link can point, numbered as link ids use them (link id = router · 4 + direction).</summary>
public static class MeshDirection
{
    /// <summary>Towards larger X.</summary>
    public const int East = 0;

    /// <summary>Towards smaller X.</summary>
    public const int West = 1;

    /// <summary>Towards smaller Y.</summary>
    public const int North = 2;

    /// <summary>Towards larger Y.</summary>
    public const int South = 3;

    /// <summary>Number of link directions per router.</summary>
    public const int Count = 4;

    /// <summary>The router one link away from <paramref name="node"/> in <paramref name="direction"/>.</summary>
    public static MeshNode Step(MeshNode node, int direction) => direction switch
    {
        East => node with { X = node.X + 1 },
        West => node with { X = node.X - 1 },
        South => node with { Y = node.Y + 1 },
        _ => node with { Y = node.Y - 1 },
    };

    /// <summary>The direction of the link from <paramref name="from"/> to its neighbour <paramref name="to"/>.</summary>
    public static int Between(MeshNode from, MeshNode to) =>
        to.X > from.X ? East : to.X < from.X ? West : to.Y > from.Y ? South : North;
}
