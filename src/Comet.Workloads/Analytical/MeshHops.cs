namespace Comet.Workloads.Analytical;

/// <summary>Hop count and data multiplier of a collective phase on an X×Y mesh (the tool tabulates 1×1, 2×2, 4×4, 16×16; this derives any size).</summary>
public static class MeshHops
{
    /// <summary>Hops along an X-then-Y spanning path: H = (X − 1) + (Y − 1); each hop forwards one copy, so the data multiplier equals H.</summary>
    public static (long Hops, long DataMultiplier) ForMesh(long x, long y)
    {
        var hops = Math.Max(x, 1) - 1 + Math.Max(y, 1) - 1;
        return (hops, hops);
    }

    /// <summary>Whether COMET's hop table has an X×Y entry (1×1, 2×2, 4×4, 16×16); it aborts on any other.</summary>
    public static bool IsTabulated(long x, long y) => x == y && x is 1 or 2 or 4 or 16;

    /// <summary>The mesh a transfer with <paramref name="fanOut"/> participants occupies inside a meshX×meshY network.</summary>
    public static (long X, long Y) ActiveMesh(bool hasMesh, long meshX, long meshY, long fanOut)
    {
        var side = (long)(uint)Math.Ceiling(Math.Sqrt(fanOut));
        if (!hasMesh)
        {
            return (side, side);
        }

        if (meshX >= side && meshY >= side)
        {
            return (side, side);
        }

        if (meshX >= side && meshY < side)
        {
            return ((fanOut + meshY - 1) / meshY, meshY);
        }

        if (meshX < side && meshY >= side)
        {
            return (meshY, (fanOut + meshY - 1) / meshY); // the tool uses meshY for the first dimension here
        }

        return (meshX, meshY);
    }
}
