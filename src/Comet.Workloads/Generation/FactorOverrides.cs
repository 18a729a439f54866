using Comet.Hardware.Inputs;

namespace Comet.Workloads.Generation;

/// <summary>Applies <c>--factor NAME=VALUE</c> to a template's constants: unknown names are refused with the nearest one, and a derived constant follows the factor it mirrors unless it was given itself.</summary>
public static class FactorOverrides
{
    /// <summary>The constants table with <paramref name="overrides"/> applied.</summary>
    /// <param name="table">The rule's constants, in const.yaml order.</param>
    /// <param name="overrides">The values given explicitly, or null.</param>
    /// <param name="known">Every name an override may use (the template's constants, over all its steps).</param>
    /// <param name="follows">Derived constants and the constant each copies (e.g. <c>red_factor</c> ← <c>M_Compute</c>).</param>
    /// <exception cref="InputException">An override names a constant not in <paramref name="known"/>.</exception>
    public static List<KeyValuePair<string, string>> Apply(IReadOnlyList<KeyValuePair<string, string>> table, IReadOnlyDictionary<string, string>? overrides, IReadOnlyList<string> known, IReadOnlyDictionary<string, string> follows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(follows);
        if (overrides is null || overrides.Count == 0)
        {
            return [.. table];
        }

        foreach (var name in overrides.Keys.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal))
        {
            throw new InputException("--factor", string.Empty, $"unknown factor '{name}' (this operation's factors: {string.Join(", ", known.Where(n => n is not ("M" or "N" or "K")))})", hint: NameHints.DidYouMean(name, known));
        }

        var result = table.Select(p => overrides.TryGetValue(p.Key, out var v) ? new KeyValuePair<string, string>(p.Key, v) : p).ToList();
        return [.. result.Select(p => follows.TryGetValue(p.Key, out var source) && !overrides.ContainsKey(p.Key) && result.FirstOrDefault(q => q.Key == source) is { Key: not null } copied
            ? new KeyValuePair<string, string>(p.Key, copied.Value)
            : p)];
    }
}
