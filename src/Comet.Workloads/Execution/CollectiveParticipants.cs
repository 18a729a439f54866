using Comet.Hardware.Machines;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Who takes part in one occurrence of a collective: the levels it spans and the participating instances.</summary>
internal static class CollectiveParticipants
{
    /// <summary>The levels a collective spans (its target level, then each parent level its <c>src</c>/<c>dest</c> name) and its participants: the target-level instances under the bound instances of the span, in instance order (the first is the root).</summary>
    /// <remarks>
    /// COMET counts the product of the instance counts of the <c>src</c> levels. The participants here are the instances
    /// of those levels that run this collective: at each level of the span, the peers it fanned out with (all of them when
    /// the mapping uses the whole array, which is COMET's count). A span of one level keeps the collective under one parent.
    /// </remarks>
    public static (int[] Span, int[] Participants) Of(Machine machine, CollectiveOperationNode node, LevelBinding b, int me)
    {
        var level = node.TargetLevelId;
        if (b.Bound(level) < 0)
        {
            return ([level], [me]);
        }

        // Climb from the target level while the next parent is named by src or dest and is bound by a fan-out.
        var span = new List<int> { level };
        for (var at = level; ;)
        {
            var parents = machine.Level(at).ParentIds;
            if (parents.Count == 0)
            {
                break;
            }

            var p = parents[0];
            if (b.Bound(p) < 0 || !(node.SourceLevelIds.Contains(p) || node.DestinationLevelIds.Contains(p)))
            {
                break;
            }

            span.Add(p);
            at = p;
        }

        var top = span[^1];
        var set = Enumerable.Range(b.GroupBase(top), b.GroupSize(top)).ToList();
        for (var k = span.Count - 2; k >= 0; k--)
        {
            // Level k's peers under every instance of the level above, at the same offsets as under the bound one.
            var perParent = (int)Math.Max(1, machine.Level(span[k]).Instances);
            var offset = b.GroupBase(span[k]) - (b.Bound(span[k + 1]) * perParent);
            var size = b.GroupSize(span[k]);
            set = [.. set.SelectMany(q => Enumerable.Range((q * perParent) + offset, size))];
        }

        return set.Contains(me) ? ([.. span], [.. set]) : ([level], [me]);
    }
}
