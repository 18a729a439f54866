using System.Collections;

namespace Comet.Workloads.Loop;

/// <summary>
/// The moves of one entry over its steps, stored compactly: every step moves tiles of the same size to the same
/// fan-out, and either moves <see cref="UniqueWhenMoving"/> distinct tiles or reuses the previous step's (0).
/// </summary>
public sealed class TileMoveSequence : IReadOnlyList<TileMove>
{
    private readonly bool[] reused;

    /// <summary>Creates a sequence of <paramref name="reused"/>.Length steps.</summary>
    public TileMoveSequence(long elements, long uniqueWhenMoving, long fanOut, bool[] reused)
    {
        Elements = elements;
        UniqueWhenMoving = uniqueWhenMoving;
        FanOut = fanOut;
        this.reused = reused;
        long moving = 0;
        foreach (var r in reused)
        {
            if (!r)
            {
                moving++;
            }
        }

        MovingSteps = uniqueWhenMoving == 0 ? 0 : moving;
    }

    /// <summary>Elements of one tile.</summary>
    public long Elements { get; }

    /// <summary>Distinct tiles on a step that does not reuse the previous tile.</summary>
    public long UniqueWhenMoving { get; }

    /// <summary>Child instances served per step.</summary>
    public long FanOut { get; }

    /// <summary>Steps that move at least one tile (the tool's "actual iterations").</summary>
    public long MovingSteps { get; }

    /// <inheritdoc />
    public int Count => reused.Length;

    /// <inheritdoc />
    public TileMove this[int index] => new(Elements, reused[index] ? 0 : UniqueWhenMoving, FanOut);

    /// <summary>Per step, whether it reuses the previous step's tile (shared, never written: a spatial child's sequence over the same steps holds the same array).</summary>
    internal bool[] ReusedSteps => reused;

    /// <summary>Whether step <paramref name="index"/> reuses the previous step's tile.</summary>
    public bool IsReused(int index) => reused[index];

    /// <inheritdoc />
    public IEnumerator<TileMove> GetEnumerator()
    {
        for (var i = 0; i < reused.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
