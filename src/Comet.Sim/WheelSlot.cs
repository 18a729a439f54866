namespace Comet.Sim;

/// <summary>The events of one future cycle in the timing wheel, in insertion order; the array is kept when emptied so steady state allocates nothing.</summary>
internal struct WheelSlot
{
    /// <summary>Entries; only the first <see cref="Count"/> are valid.</summary>
    public WheelEntry[]? Items;

    /// <summary>Number of valid entries.</summary>
    public int Count;

    /// <summary>True when an entry was appended with a smaller order key than its predecessor (mixed priorities).</summary>
    public bool Unsorted;
}
