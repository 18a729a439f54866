namespace Comet.Workloads.Execution;

/// <summary>Compares (component name, instance) keys without hashing the name's characters on every lookup: equal keys are equal ordinally, and the hash mixes the instance with the name's length and end characters.</summary>
/// <remarks>Used where a count is added per tile step; every report orders such rows itself, so nothing depends on the hashes.</remarks>
internal sealed class ComponentKeyComparer : IEqualityComparer<(string Component, int Instance)>
{
    /// <summary>The one instance (it has no state).</summary>
    public static readonly ComponentKeyComparer Instance = new();

    private ComponentKeyComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals((string Component, int Instance) x, (string Component, int Instance) y) =>
        x.Instance == y.Instance && string.Equals(x.Component, y.Component, StringComparison.Ordinal);

    /// <inheritdoc />
    public int GetHashCode((string Component, int Instance) key)
    {
        var name = key.Component.Length == 0 ? 0 : (key.Component.Length * 31) + (key.Component[0] * 7) + key.Component[^1];
        return HashCode.Combine(key.Instance, name);
    }
}
