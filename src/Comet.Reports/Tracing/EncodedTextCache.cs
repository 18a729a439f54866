using System.Runtime.CompilerServices;
using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>Remembers the encoded bytes (escaped, quoted as a format requires) of the strings a trace repeats millions of times: component names, operations, tensors, stall reasons.</summary>
/// <remarks>
/// Looked up by reference first (records usually carry the same string instances) — in a small direct-mapped table,
/// then a map — then by value, so strings built per record still hit. Both maps are bounded; when one fills it starts over, which costs time, never a different byte.
/// </remarks>
internal sealed class EncodedTextCache
{
    private const int MaxEntries = 8192;
    private const int RecentSlots = 1024; // a power of two

    // Direct-mapped by identity hash: one array probe and a reference comparison for the common case.
    private readonly string?[] _recentText = new string?[RecentSlots];
    private readonly byte[][] _recentBytes = new byte[RecentSlots][];

    private readonly Func<string, byte[]> _encode;
    private readonly Dictionary<string, byte[]> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, byte[]> _byValue = new(StringComparer.Ordinal);

    /// <summary>Caches what <paramref name="encode"/> makes of each string.</summary>
    public EncodedTextCache(Func<string, byte[]> encode) => _encode = encode;

    /// <summary>The encoded bytes of <paramref name="text"/>.</summary>
    public byte[] Get(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slot = RuntimeHelpers.GetHashCode(text) & (RecentSlots - 1);
        if (ReferenceEquals(_recentText[slot], text))
            return _recentBytes[slot];
        var bytes = _byReference.TryGetValue(text, out var known) ? known : Miss(text);
        _recentText[slot] = text;
        _recentBytes[slot] = bytes;
        return bytes;
    }

    private byte[] Miss(string text)
    {
        if (!_byValue.TryGetValue(text, out var bytes))
        {
            if (_byValue.Count >= MaxEntries)
                _byValue.Clear();
            bytes = _encode(text);
            _byValue.Add(text, bytes);
        }
        if (_byReference.Count >= MaxEntries)
            _byReference.Clear();
        _byReference.Add(text, bytes);
        return bytes;
    }
}
