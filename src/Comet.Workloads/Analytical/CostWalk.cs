namespace Comet.Workloads.Analytical;

/// <summary>What the steady-state walk (<see cref="CostWalker"/>) hands to the energy pass, the cycle accounting and the report: read-only, per mapping node.</summary>
/// <param name="NodeCycles">Cycles of each node by index (the "Cycle Hierarchy Overview").</param>
/// <param name="LevelCost">Per node, per child group (ordered), per target level (ordered): the merged read/write port costs.</param>
/// <param name="Accesses">Per spatial or leaf node: its access records in the order they were made (counts before the parent-iteration scaling).</param>
/// <param name="Collectives">Per collective node: its cost, whose read/write and NoC energies the energy pass scales.</param>
/// <param name="MeshExtensions">Meshes priced outside COMET's hop table, ordered by network and shape.</param>
internal sealed record CostWalk(
    IReadOnlyList<long> NodeCycles,
    IReadOnlyDictionary<int, IReadOnlyDictionary<ChildGroup, IReadOnlyDictionary<int, PortCost[]>>> LevelCost,
    IReadOnlyDictionary<int, IReadOnlyList<AccessRecord>> Accesses,
    IReadOnlyDictionary<int, CollectiveResult> Collectives,
    IReadOnlyList<MeshExtension> MeshExtensions);
