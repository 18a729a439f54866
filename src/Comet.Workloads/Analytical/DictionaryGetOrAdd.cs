namespace Comet.Workloads.Analytical;

/// <summary>The walk's tables grow on first use: a missing key gets a fresh empty value.</summary>
internal static class DictionaryGetOrAdd
{
    /// <summary>The value at <paramref name="key"/>, added empty when missing.</summary>
    public static TValue GetOrAdd<TKey, TValue>(IDictionary<TKey, TValue> map, TKey key)
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map[key] = value;
        }

        return value;
    }
}
