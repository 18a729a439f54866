namespace Comet.Bench;

/// <summary>Priority of the raw-queue twin: (time, insertion sequence), the least a deterministic kernel must order by.</summary>
/// <param name="Time">Cycle.</param>
/// <param name="Sequence">Insertion sequence.</param>
public readonly record struct KernelRawKey(long Time, long Sequence) : IComparable<KernelRawKey>
{
    /// <summary>Orders by time, then sequence.</summary>
    public int CompareTo(KernelRawKey other)
    {
        var c = Time.CompareTo(other.Time);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
