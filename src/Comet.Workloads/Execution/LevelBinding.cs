namespace Comet.Workloads.Execution;

/// <summary>Which instance of each hierarchy level a running subtree works on, and the group of peers it fanned out with.</summary>
public sealed class LevelBinding
{
    // One array holds, per level, the bound instance, the group base and the group size side by side: a copy is
    // then one object and one array rather than one and three (a binding is copied at every fan-out).
    private readonly int[] _slots;

    /// <summary>Creates a binding with only the root level bound (instance 0).</summary>
    public LevelBinding(int levels, int rootLevel)
    {
        _slots = new int[levels * 3];
        for (var level = 0; level < levels; level++)
        {
            _slots[level * 3] = -1;
        }

        _slots[rootLevel * 3] = 0;
        _slots[(rootLevel * 3) + 2] = 1;
    }

    private LevelBinding(LevelBinding other)
    {
        _slots = (int[])other._slots.Clone();
    }

    /// <summary>The streaming site a simple leaf of this binding last ran on, with its plan: a binding never changes, kept by <see cref="LeafStreamRunner.Site"/>.</summary>
    internal (TemporalPlan Plan, LeafStreamSite Site)? LeafSite { get; set; }

    /// <summary>The bound instance of <paramref name="level"/>, or −1.</summary>
    public int Bound(int level) => _slots[level * 3];

    /// <summary>First instance of the peer group <paramref name="level"/> fanned out with.</summary>
    public int GroupBase(int level) => _slots[(level * 3) + 1];

    /// <summary>Size of the peer group <paramref name="level"/> fanned out with (1 when not fanned out).</summary>
    public int GroupSize(int level) => Math.Max(1, _slots[(level * 3) + 2]);

    /// <summary>A copy with <paramref name="level"/> bound to <paramref name="instance"/> inside group [<paramref name="groupBase"/>, +<paramref name="groupSize"/>).</summary>
    public LevelBinding With(int level, int instance, int groupBase, int groupSize)
    {
        var copy = new LevelBinding(this);
        copy._slots[level * 3] = instance;
        copy._slots[(level * 3) + 1] = groupBase;
        copy._slots[(level * 3) + 2] = groupSize;
        return copy;
    }

    /// <summary>Compares bindings by what they bind (every level's instance and group), so a table can be keyed by a binding's content.</summary>
    public static IEqualityComparer<LevelBinding> ByContent { get; } = new ContentComparer();

    private sealed class ContentComparer : IEqualityComparer<LevelBinding>
    {
        public bool Equals(LevelBinding? x, LevelBinding? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x._slots.AsSpan().SequenceEqual(y._slots));

        public int GetHashCode(LevelBinding obj)
        {
            var hash = new HashCode();
            foreach (var v in obj._slots)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
