namespace Comet.Workloads.Execution;

/// <summary>Compares integer arrays by their elements, so a table can be keyed by an instance list rather than by one array object.</summary>
internal sealed class IntArrayContent : IEqualityComparer<int[]>
{
    /// <summary>The one comparer (it holds no state).</summary>
    public static IntArrayContent Instance { get; } = new();

    /// <summary>True when both arrays hold the same elements in the same order.</summary>
    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    /// <summary>A hash over every element.</summary>
    public int GetHashCode(int[] obj)
    {
        var hash = new HashCode();
        foreach (var v in obj)
        {
            hash.Add(v);
        }

        return hash.ToHashCode();
    }
}
