using System.Globalization;

namespace Comet.Plots;

/// <summary>One drawn lane of the timeline: one component instance, or several instances of one component drawn as their combined time.</summary>
public sealed class TimelineLane
{
    /// <summary>Creates the lane of <paramref name="instances"/> (ascending, at least one) of <paramref name="component"/>.</summary>
    public TimelineLane(string component, IReadOnlyList<int> instances)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentOutOfRangeException.ThrowIfZero(instances.Count);
        Component = component;
        Instances = instances;
    }

    /// <summary>The component the lane belongs to.</summary>
    public string Component { get; }

    /// <summary>The instances drawn in the lane, ascending.</summary>
    public IReadOnlyList<int> Instances { get; }

    /// <summary>The name of one instance's lane, as <c>--lanes</c> matches it: <c>SE[3]</c>.</summary>
    public static string NameOf(string component, int instance) => $"{component}[{instance.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The lane's name: <c>SE[3]</c> for one instance, <c>SE[0-15]</c> for a run of consecutive ones, <c>OB.noc[0-61] (30)</c> when some numbers between are not instances.</summary>
    public string Label
    {
        get
        {
            var first = Instances[0].ToString(CultureInfo.InvariantCulture);
            if (Instances.Count == 1)
            {
                return $"{Component}[{first}]";
            }

            var last = Instances[^1].ToString(CultureInfo.InvariantCulture);
            var consecutive = (long)Instances[^1] - Instances[0] + 1 == Instances.Count;
            return consecutive ? $"{Component}[{first}-{last}]" : $"{Component}[{first}-{last}] ({Instances.Count.ToString(CultureInfo.InvariantCulture)})";
        }
    }

    /// <summary>Makes the drawn lanes: one per instance of a component with at most <paramref name="maxLanesPerComponent"/> instances, otherwise that many lanes of consecutive instances, as even as possible.</summary>
    /// <param name="lanes">The instances, grouped by component with instances ascending (as <see cref="TimelineAccumulator.Lanes"/> gives them).</param>
    /// <param name="maxLanesPerComponent">Most lanes drawn for one component; zero or less draws every instance.</param>
    public static IReadOnlyList<TimelineLane> Group(IReadOnlyList<(string Component, int Instance)> lanes, int maxLanesPerComponent)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        var result = new List<TimelineLane>();
        var i = 0;
        while (i < lanes.Count)
        {
            var component = lanes[i].Component;
            var end = i;
            while (end < lanes.Count && lanes[end].Component == component)
            {
                end++;
            }

            var instances = new int[end - i];
            for (var k = i; k < end; k++)
            {
                instances[k - i] = lanes[k].Instance;
            }

            var groups = maxLanesPerComponent <= 0 ? instances.Length : Math.Min(instances.Length, maxLanesPerComponent);

            // Group g takes instances [g * n / groups, (g + 1) * n / groups): sizes differ by at most one.
            for (var g = 0; g < groups; g++)
            {
                var from = (int)((long)g * instances.Length / groups);
                var to = (int)((long)(g + 1) * instances.Length / groups);
                result.Add(new TimelineLane(component, instances[from..to]));
            }

            i = end;
        }

        return result;
    }
}
