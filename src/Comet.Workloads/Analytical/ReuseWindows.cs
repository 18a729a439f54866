using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>
/// Reuse under the walk: per spatial or leaf node, the reuse factor and actual iterations of each (tensor, tag) and the
/// read-only ramp-ups it recorded; a parent's window vector loses a descendant's ramp-up on the steps that do not fetch.
/// </summary>
internal sealed class ReuseWindows
{
    private static readonly IReadOnlyDictionary<(int, string), long> EmptyKeys = new Dictionary<(int, string), long>();
    private readonly Dictionary<int, Dictionary<(int, string), long>> reuse = new();
    private readonly Dictionary<int, Dictionary<(int, string), long>> actual = new();
    private readonly Dictionary<int, Dictionary<(int, string), long>> rampUp = new();

    /// <summary>Records, per entry of a spatial or leaf node, its reuse factor (iterations ÷ actual iterations, at least 1) and actual iterations.</summary>
    public void RecordIterations(int node, LoopNestNode loop)
    {
        var r = new Dictionary<(int, string), long>();
        var a = new Dictionary<(int, string), long>();
        reuse[node] = r;
        actual[node] = a;
        for (var e = 0; e < loop.Entries.Count; e++)
        {
            var entry = loop.Entries[e];
            var act = loop.ActualIterations(e);
            var factor = act == 0 ? 1 : entry.Iterations / act;
            r[(entry.TensorId, entry.Tag)] = factor == 0 ? 1 : factor;
            a[(entry.TensorId, entry.Tag)] = act;
        }
    }

    /// <summary>Keeps the read-only ramp-ups of the target level with the largest summed ramp-up (used to shrink the parent's windows under reuse).</summary>
    public void RecordRampUp(int node, SortedDictionary<int, Dictionary<(int, string), long>> rampUpMap)
    {
        if (rampUpMap.Count == 0)
        {
            return;
        }

        var sums = rampUpMap.ToDictionary(p => p.Key, p => p.Value.Values.Sum(v => (long)(uint)v) & 0xFFFFFFFF);
        var max = sums.Values.Max();
        if (!rampUp.TryGetValue(node, out var info))
        {
            info = new Dictionary<(int, string), long>();
            rampUp[node] = info;
        }

        foreach (var (level, sum) in sums)
        {
            if (sum == max)
            {
                foreach (var (key, value) in rampUpMap[level])
                {
                    info[key] = value;
                }
            }
        }
    }

    /// <summary>
    /// Shrinks a window vector under reuse: for each reused key of the node whose tensor a descendant moves only once,
    /// the descendant's ramp-up is removed from the steps that do not fetch (i % r ≠ 0). Windows are unsigned 32-bit.
    /// </summary>
    public void Shrink(int node, ChildGroup group, long[] windows)
    {
        if (group.IsVector)
        {
            ShrinkFromMembers(node, group.Members, windows);
            return;
        }

        var child = group.Single!;
        if (child is DataMovementTileNode { IsLeaf: true })
        {
            ShrinkFromMembers(node, [child], windows);
            return;
        }

        foreach (var grandChild in child.Children)
        {
            foreach (var (key, factor) in Reuse(node))
            {
                if (factor != 1 && Reuse(grandChild.Index).ContainsKey(key) && Actual(grandChild.Index, key) == 1)
                {
                    RemoveOnIdleSteps(windows, RampUpOf(grandChild.Index, key), factor);

                    ShrinkFromMembers(node, grandChild.Children, windows);
                }
            }
        }
    }

    private void ShrinkFromMembers(int node, IReadOnlyList<MappingNode> members, long[] windows)
    {
        foreach (var member in members)
        {
            foreach (var (key, factor) in Reuse(node))
            {
                if (factor != 1 && Reuse(member.Index).ContainsKey(key) && Actual(member.Index, key) == 1)
                {
                    RemoveOnIdleSteps(windows, RampUpOf(member.Index, key), factor);
                }
            }
        }
    }

    // wᵢ ← (wᵢ − ramp) mod 2³² on every step i with i mod r ≠ 0 (the steps that reuse instead of fetching)
    private static void RemoveOnIdleSteps(long[] windows, long ramp, long factor)
    {
        for (long start = 0; start < windows.Length; start += factor)
        {
            for (var i = start + 1; i < start + factor && i < windows.Length; i++)
            {
                windows[i] = (windows[i] - ramp) & 0xFFFFFFFF;
            }
        }
    }

    private IReadOnlyDictionary<(int, string), long> Reuse(int node)
        => reuse.TryGetValue(node, out var map) ? map : EmptyKeys;

    private long Actual(int node, (int, string) key) => actual.TryGetValue(node, out var map) && map.TryGetValue(key, out var v) ? v : 0;

    private long RampUpOf(int node, (int, string) key) => rampUp.TryGetValue(node, out var map) && map.TryGetValue(key, out var v) ? v : 0;
}
