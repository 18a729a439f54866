using Comet.Hardware.Components;

namespace Comet.Workloads.Execution;

/// <summary>Cycles each component instance sat idle between tile steps, by reason, so skew between instances is visible.</summary>
internal sealed class InstanceIdle
{
    private readonly Dictionary<(string Component, int Instance), long[]> _cycles = new(ComponentKeyComparer.Instance);

    /// <summary>Adds <paramref name="cycles"/> of idle time of <paramref name="who"/> for <paramref name="reason"/> (nothing when not positive).</summary>
    public void Add(ComponentRef who, IdleReason reason, long cycles)
    {
        if (cycles <= 0)
        {
            return;
        }

        if (!_cycles.TryGetValue((who.Name, who.Instance), out var row))
        {
            row = new long[4];
            _cycles.Add((who.Name, who.Instance), row);
        }

        row[(int)reason] += cycles;
    }

    /// <summary>Every instance that idled, ordered by component name and instance.</summary>
    public IReadOnlyList<InstanceIdleTime> Rows() =>
        [.. _cycles.OrderBy(kv => kv.Key.Component, StringComparer.Ordinal).ThenBy(kv => kv.Key.Instance).Select(kv => new InstanceIdleTime(kv.Key.Component, kv.Key.Instance, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))];
}
