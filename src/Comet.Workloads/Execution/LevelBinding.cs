namespace Comet.Workloads.Execution;

/// <summary>Which instance of each hierarchy level a running subtree works on, and the group of peers it fanned out with.</summary>
public sealed class LevelBinding
{
    private readonly int[] _instance;
    private readonly int[] _groupBase;
    private readonly int[] _groupSize;

    /// <summary>Creates a binding with only the root level bound (instance 0).</summary>
    public LevelBinding(int levels, int rootLevel)
    {
        _instance = new int[levels];
        _groupBase = new int[levels];
        _groupSize = new int[levels];
        Array.Fill(_instance, -1);
        _instance[rootLevel] = 0;
        _groupSize[rootLevel] = 1;
    }

    private LevelBinding(LevelBinding other)
    {
        _instance = (int[])other._instance.Clone();
        _groupBase = (int[])other._groupBase.Clone();
        _groupSize = (int[])other._groupSize.Clone();
    }

    /// <summary>The bound instance of <paramref name="level"/>, or −1.</summary>
    public int Bound(int level) => _instance[level];

    /// <summary>First instance of the peer group <paramref name="level"/> fanned out with.</summary>
    public int GroupBase(int level) => _groupBase[level];

    /// <summary>Size of the peer group <paramref name="level"/> fanned out with (1 when not fanned out).</summary>
    public int GroupSize(int level) => Math.Max(1, _groupSize[level]);

    /// <summary>A copy with <paramref name="level"/> bound to <paramref name="instance"/> inside group [<paramref name="groupBase"/>, +<paramref name="groupSize"/>).</summary>
    public LevelBinding With(int level, int instance, int groupBase, int groupSize)
    {
        var copy = new LevelBinding(this);
        copy._instance[level] = instance;
        copy._groupBase[level] = groupBase;
        copy._groupSize[level] = groupSize;
        return copy;
    }
}
