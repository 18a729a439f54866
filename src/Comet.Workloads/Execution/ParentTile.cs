using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>What a child buffer holds of its parent's tensor: the parent tile its consumer uses now, and the one the next step of the node that fills it brings (with the event of its arrival), as that node announced.</summary>
/// <param name="Announcer">The temporal node whose consumer announced it (the buffer's filler).</param>
/// <param name="Now">The parent tile in use now.</param>
/// <param name="Next">The parent tile of the filler's next iteration, or null when this is its last.</param>
/// <param name="Arrived">Triggered when <paramref name="Next"/> is in the buffer (null with it).</param>
internal readonly record struct ParentTile(int Announcer, TileVersion Now, TileVersion? Next, Event? Arrived);
