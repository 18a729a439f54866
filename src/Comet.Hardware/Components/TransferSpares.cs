using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>The one-chunk transfer bodies of one run that are done and ready for the next transfer (one per run, never shared between simulations running at once).</summary>
public sealed class TransferSpares
{
    private readonly RefStack<SingleChunkTransfer> _bodies = new();

    /// <summary>A done body, or a new one that comes back here when its transfer is done.</summary>
    internal SingleChunkTransfer Take() => _bodies.TryPop(out var body) ? body : new SingleChunkTransfer(_bodies);
}
