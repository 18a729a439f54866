namespace Comet.Workloads.Execution;

/// <summary>Compares the (tensor, tag, level, instance) keys of the buffers' tile bookkeeping without hashing the tag's characters on every lookup: equal keys are equal ordinally, and the hash mixes the integers with the tag's length and end characters.</summary>
/// <remarks>A tensor has a handful of tags, so the cheap tag hash costs no collisions in practice; a dictionary's enumeration order does not depend on hashes, so nothing it reports changes.</remarks>
internal sealed class TaggedTileKeyComparer : IEqualityComparer<(int Tensor, string Tag, int Level, int Instance)>
{
    /// <summary>The one instance (it has no state).</summary>
    public static readonly TaggedTileKeyComparer Instance = new();

    private TaggedTileKeyComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals((int Tensor, string Tag, int Level, int Instance) x, (int Tensor, string Tag, int Level, int Instance) y) =>
        x.Tensor == y.Tensor && x.Level == y.Level && x.Instance == y.Instance && string.Equals(x.Tag, y.Tag, StringComparison.Ordinal);

    /// <inheritdoc />
    public int GetHashCode((int Tensor, string Tag, int Level, int Instance) key)
    {
        var tag = key.Tag.Length == 0 ? 0 : (key.Tag.Length * 31) + (key.Tag[0] * 7) + key.Tag[^1];
        return HashCode.Combine(key.Tensor, key.Level, key.Instance, tag);
    }
}
