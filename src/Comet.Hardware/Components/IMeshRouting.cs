namespace Comet.Hardware.Components;

/// <summary>A routing strategy: at each router, which link a packet bound for a destination leaves on.</summary>
/// <remarks>
/// A strategy must be deterministic, and the routes it gives from one source must agree on every router they share
/// (dimension-ordered routing does), so that the union of a multicast's unicast routes is a tree.
/// </remarks>
public interface IMeshRouting
{
    /// <summary>The <see cref="MeshDirection"/> of the link leaving <paramref name="at"/> towards <paramref name="destination"/>, or −1 when the packet has arrived.</summary>
    int NextDirection(MeshNode at, MeshNode destination);
}
