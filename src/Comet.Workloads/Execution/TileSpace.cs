using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The space a tile takes in the memory it moves into: asked for before its fill, given back by its last consumer.</summary>
internal sealed class TileSpace(RunContext run)
{
    /// <summary>Asks <paramref name="memory"/> for <paramref name="bytes"/> of its <paramref name="space"/>; yield the request unless it is already processed, then call <see cref="Stall"/>.</summary>
    /// <remarks>The request is always an event, even when the space is free: the requester resumes after the other work of this cycle, an order the fills of a tight buffer depend on.</remarks>
    /// <exception cref="SimulationDeadlockException">The tile is larger than the whole memory.</exception>
    public ContainerRequest Ask(IMemory memory, Container space, long bytes, ActivityLabel label)
    {
        if (bytes > space.Capacity)
        {
            throw new SimulationDeadlockException(run.Sim.Now, [$"{memory.Ref} waits for {bytes} B of space but holds only {space.Capacity} B ({label.Operation}, tensor {label.Tensor})"]);
        }

        run.Resident.MakeRoom(space, bytes);
        run.Prefetch.MakeRoom(space, bytes);
        return space.Get(bytes);
    }

    /// <summary>Writes the stall row of a space request asked at <paramref name="asked"/> when it had to wait.</summary>
    public void Stall(IMemory memory, long bytes, ActivityLabel label, long asked)
    {
        if (run.Stalls.Waited(asked))
        {
            run.Stalls.Space(memory, bytes, label, asked);
        }
    }

    /// <summary>Gives back <paramref name="amount"/> (buffer bytes or operand slots): at once, with no event, unless others are queued to put.</summary>
    public static void Free(Container space, long amount)
    {
        if (!space.TryPut(amount))
        {
            space.Put(amount);
        }
    }
}
