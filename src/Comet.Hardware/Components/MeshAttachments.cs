namespace Comet.Hardware.Components;

/// <summary>Where the parent of a mesh attaches to it (one router per network port) and which attachment a router's traffic uses.</summary>
public static class MeshAttachments
{
    /// <summary>One port at router (0,0), the corner COMET's hop tables assume.</summary>
    public static IReadOnlyList<MeshNode> Corner { get; } = [new MeshNode(0, 0)];

    /// <summary>The default attachments of <paramref name="ports"/> network ports on an <paramref name="x"/>×<paramref name="y"/> mesh: the corner for one; spread along the first row for up to <paramref name="x"/>, (⌊i·X/P⌋, 0); beyond, spread over the routers in row-major order, ⌊i·X·Y/P⌋, at most one per router.</summary>
    public static IReadOnlyList<MeshNode> Default(long ports, int x, int y)
    {
        if (ports <= 1)
        {
            return Corner;
        }

        var routers = (long)x * y;
        var p = (int)Math.Min(ports, routers);
        var nodes = new MeshNode[p];
        for (var i = 0; i < p; i++)
        {
            // x_i = ⌊i·X/P⌋ on row 0, or router ⌊i·X·Y/P⌋ row-major when P > X
            var index = p <= x ? (long)i * x / p : (long)i * routers / p;
            nodes[i] = new MeshNode((int)(index % x), (int)(index / x));
        }

        return nodes;
    }

    /// <summary>The attachment nearest <paramref name="node"/> in hops; on a tie the one listed first.</summary>
    public static MeshNode Nearest(IReadOnlyList<MeshNode> attachments, MeshNode node)
    {
        var best = attachments[0];
        var bestHops = best.HopsTo(node);
        for (var i = 1; i < attachments.Count; i++)
        {
            var hops = attachments[i].HopsTo(node);
            if (hops < bestHops)
            {
                (best, bestHops) = (attachments[i], hops);
            }
        }

        return best;
    }
}
