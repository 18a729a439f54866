using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Collects, during the walk, the meshes the model prices outside COMET's hop table (the tool aborts on each); the walk hands them on read-only.</summary>
internal sealed class MeshExtensionNotes(ArchitectureSpec arch)
{
    private readonly Dictionary<(string Network, long X, long Y), MeshExtension> notes = new();

    /// <summary>The meshes noted, ordered by network name and shape.</summary>
    public IReadOnlyList<MeshExtension> Ordered() =>
        notes.Values.OrderBy(m => m.Network, StringComparer.Ordinal).ThenBy(m => m.X).ThenBy(m => m.Y).ToList();

    /// <summary>Notes the link mesh a collective's sources (Π instances of its src levels) occupy.</summary>
    public void NoteCollective(CollectiveOperationNode col)
    {
        if (arch.Levels[col.TargetLevelId].LinkNetwork is { } link)
        {
            var sources = col.SourceLevelIds.Aggregate(1L, (n, s) => n * arch.Levels[s].Instances);
            Note(col.TargetLevelId, col.TargetLevelId, link, sources);
        }
    }

    /// <summary>Notes the mesh the moves of entry <paramref name="e"/> occupy (the network time of a move with fan-out).</summary>
    public void NoteEntry(LoopNestNode loop, int e)
    {
        var entry = loop.Entries[e];
        var moves = loop.Moves[e];
        if (moves.MovingSteps > 0 && moves.UniqueWhenMoving > 0 && arch.NetworkBetween(entry.TargetLevelId, entry.ChildLevelId) is { } network)
        {
            Note(entry.TargetLevelId, entry.ChildLevelId, network, moves.FanOut);
        }
    }

    private void Note(int target, int child, NetworkSpec network, long fanOut)
    {
        if (network.Kind != NetworkKind.Mesh || fanOut <= 1)
        {
            return;
        }

        var (x, y) = MeshHops.ActiveMesh(network.HasMesh, network.MeshX, network.MeshY, fanOut);
        if (MeshHops.IsTabulated(x, y))
        {
            return;
        }

        // named as the energy rows name networks: a level's link mesh X<->X, a fill or drain network parent->child
        var name = target == child ? $"{arch.Levels[target].Name}<->{arch.Levels[child].Name}" : $"{arch.Levels[target].Name}->{arch.Levels[child].Name}";
        notes.TryAdd((name, x, y), new MeshExtension(name, x, y, MeshHops.ForMesh(x, y).Hops));
    }
}
