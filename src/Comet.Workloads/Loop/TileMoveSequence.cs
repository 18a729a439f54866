using System.Collections;

namespace Comet.Workloads.Loop;

/// <summary>
/// The moves of one entry over its steps, stored compactly: every step moves tiles of the same size to the same
/// fan-out, and either moves <see cref="UniqueWhenMoving"/> distinct tiles or reuses the previous step's (0); the steps
/// are kept as alternating runs, moving first (step 0 always moves).
/// </summary>
public sealed class TileMoveSequence : IReadOnlyList<TileMove>
{
    private readonly long[] runEnds;

    /// <summary>Creates a sequence whose run k (moving when k is even, reusing when odd) ends before step <paramref name="runEnds"/>[k].</summary>
    public TileMoveSequence(long elements, long uniqueWhenMoving, long fanOut, long[] runEnds)
    {
        Elements = elements;
        UniqueWhenMoving = uniqueWhenMoving;
        FanOut = fanOut;
        this.runEnds = runEnds;
        long moving = 0, start = 0;
        for (var k = 0; k < runEnds.Length; k++)
        {
            if (k % 2 == 0)
            {
                moving += runEnds[k] - start;
            }

            start = runEnds[k];
        }

        MovingSteps = uniqueWhenMoving == 0 ? 0 : moving;
        Count = runEnds.Length == 0 ? 0 : checked((int)runEnds[^1]);
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
    public int Count { get; }

    /// <inheritdoc />
    public TileMove this[int index] => new(Elements, IsReused(index) ? 0 : UniqueWhenMoving, FanOut);

    /// <summary>Run ends: run k (moving when k is even, reusing when odd) ends before step RunEnds[k] (shared, never written).</summary>
    internal long[] RunEnds => runEnds;

    /// <summary>Whether step <paramref name="index"/> reuses the previous step's tile.</summary>
    public bool IsReused(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var run = Array.BinarySearch(runEnds, (long)index);
        run = run < 0 ? ~run : run + 1; // the first run ending after the step
        return run % 2 == 1;
    }

    /// <summary>The runs cut or extended (with moving steps) to <paramref name="steps"/> steps.</summary>
    internal static long[] Resized(long[] runEnds, long steps)
    {
        var ends = new List<long>();
        foreach (var end in runEnds)
        {
            if (end >= steps)
            {
                break;
            }

            ends.Add(end);
        }

        if (steps > 0)
        {
            var count = runEnds.Length == 0 ? 0 : runEnds[^1];
            if (steps > count && ends.Count % 2 == 1)
            {
                ends[^1] = steps; // a moving last run goes on moving
            }
            else
            {
                ends.Add(steps); // closes the run holding step steps − 1, or adds moving steps after a reusing run
            }
        }

        return [.. ends];
    }

    /// <inheritdoc />
    public IEnumerator<TileMove> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
