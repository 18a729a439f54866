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
    public StepRuns Shrink(int node, ChildGroup group, StepRuns windows)
    {
        if (group.IsVector)
        {
            return ShrinkFromMembers(node, group.Members, windows);
        }

        var child = group.Single!;
        if (child is DataMovementTileNode { IsLeaf: true })
        {
            return ShrinkFromMembers(node, [child], windows);
        }

        foreach (var grandChild in child.Children)
        {
            foreach (var (key, factor) in Reuse(node))
            {
                if (factor != 1 && Reuse(grandChild.Index).ContainsKey(key) && Actual(grandChild.Index, key) == 1)
                {
                    windows = RemoveOnIdleSteps(windows, RampUpOf(grandChild.Index, key), factor);

                    windows = ShrinkFromMembers(node, grandChild.Children, windows);
                }
            }
        }

        return windows;
    }

    private StepRuns ShrinkFromMembers(int node, IReadOnlyList<MappingNode> members, StepRuns windows)
    {
        foreach (var member in members)
        {
            foreach (var (key, factor) in Reuse(node))
            {
                if (factor != 1 && Reuse(member.Index).ContainsKey(key) && Actual(member.Index, key) == 1)
                {
                    windows = RemoveOnIdleSteps(windows, RampUpOf(member.Index, key), factor);
                }
            }
        }

        return windows;
    }

    // wᵢ ← (wᵢ − ramp) mod 2³² on every step i with i mod r ≠ 0 (the steps that reuse instead of fetching); r ≥ 2
    internal static StepRuns RemoveOnIdleSteps(StepRuns windows, long ramp, long factor)
    {
        var builder = new StepRunsBuilder();
        var cursor = new StepRunCursor(windows);
        for (long i = 0; i < windows.Length;)
        {
            var w = cursor.Seek(i, out var end);
            end = Math.Min(end, windows.Length);
            var shrunk = (w - ramp) & 0xFFFFFFFF;
            if (shrunk == w)
            {
                builder.Add(w, end - i);
                i = end;
                continue;
            }

            // within the run: the fetching steps (multiples of r) keep w, the others lose the ramp
            for (; i < end;)
            {
                if (i % factor == 0)
                {
                    builder.Add(w, 1);
                    i++;
                }
                else
                {
                    var next = Math.Min((i / factor + 1) * factor, end);
                    builder.Add(shrunk, next - i);
                    i = next;
                }
            }
        }

        return builder.Build();
    }

    private IReadOnlyDictionary<(int, string), long> Reuse(int node)
        => reuse.TryGetValue(node, out var map) ? map : EmptyKeys;

    private long Actual(int node, (int, string) key) => actual.TryGetValue(node, out var map) && map.TryGetValue(key, out var v) ? v : 0;

    private long RampUpOf(int node, (int, string) key) => rampUp.TryGetValue(node, out var map) && map.TryGetValue(key, out var v) ? v : 0;
}
