namespace Comet.Hardware.Machines;

/// <summary>Components of one kind, one per (level, instance), created on first use: a row per level indexed by instance, so the lookup every tile move makes is two array reads.</summary>
/// <typeparam name="T">The component type.</typeparam>
public sealed class ComponentTable<T>
    where T : class
{
    // Levels with more instances than this keep the rest in the dictionary only (a row per level stays small).
    private const int RowLimit = 1 << 16;

    private readonly Dictionary<(int Level, int Instance), T> _created = [];
    private readonly T?[]?[] _rows;
    private readonly Func<int, int> _instances;

    /// <summary>Creates an empty table for <paramref name="levels"/> levels, each with <paramref name="instances"/>(level) instances.</summary>
    public ComponentTable(int levels, Func<int, int> instances)
    {
        _rows = new T?[]?[levels];
        _instances = instances;
    }

    /// <summary>Every component created so far, by level then instance.</summary>
    public IEnumerable<T> All => _created.OrderBy(k => k.Key.Level).ThenBy(k => k.Key.Instance).Select(k => k.Value);

    /// <summary>The component of instance <paramref name="instance"/> of <paramref name="level"/>, made by <paramref name="create"/> on first use.</summary>
    /// <remarks>Factories are static lambdas with the state passed in, so looking a component up allocates nothing.</remarks>
    public T Get<TState>(int level, int instance, TState state, Func<TState, int, int, T> create)
    {
        if ((uint)level < (uint)_rows.Length && _rows[level] is { } row && (uint)instance < (uint)row.Length && row[instance] is { } known)
        {
            return known;
        }

        if (!_created.TryGetValue((level, instance), out var c))
        {
            c = create(state, level, instance);
            _created[(level, instance)] = c;
            if ((uint)level < (uint)_rows.Length && instance >= 0 && instance < RowLimit)
            {
                var r = _rows[level] ??= new T?[Math.Min(RowLimit, Math.Max(instance + 1, _instances(level)))];
                if (instance < r.Length)
                {
                    r[instance] = c;
                }
            }
        }

        return c;
    }
}
