using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>What a streaming leaf holds on one set of instances: its port uses, the distinct pools it takes, their trace labels, and its local schedule (the same for every invocation there).</summary>
public sealed class LeafStreamSetup
{
    /// <summary>Builds the setup of <paramref name="plan"/> from each entry's port uses (one, or two in key order).</summary>
    public LeafStreamSetup(TemporalPlan plan, PortUse[][] uses, int[] instances, int slots, long computeCycles)
    {
        Uses = uses;
        Instances = instances;
        var pools = new List<PortPool>();
        var users = new List<int>();
        var entries = new LeafStreamEntry[plan.Entries.Length];
        foreach (var e in plan.Entries)
        {
            var u = uses[e.Index];
            var ports = new int[u.Length];
            var holds = new long[u.Length];
            for (var j = 0; j < u.Length; j++)
            {
                var p = pools.IndexOf(u[j].Pool);
                if (p < 0)
                {
                    p = pools.Count;
                    pools.Add(u[j].Pool);
                    users.Add(0);
                }

                users[p]++;
                ports[j] = p;
                holds[j] = u[j].Bytes <= 0 ? 0 : u[j].Cycles;
            }

            entries[e.Index] = new LeafStreamEntry(e.IsOutput, e.Ordinal, e.Tiles, ports, holds);
        }

        Pools = [.. pools];

        // As many ports of a pool as entries use it (at most the pool's size): the most the leaf can keep busy at once.
        PortsTaken = new int[Pools.Length];
        for (var p = 0; p < Pools.Length; p++)
        {
            PortsTaken[p] = Math.Min(Pools[p].Ports, users[p]);
        }

        AcquireOrder = [.. Enumerable.Range(0, Pools.Length).OrderBy(p => Pools[p].Key, StringComparer.Ordinal)];
        Tensors = new string[Pools.Length];
        Bytes = new long[Pools.Length];
        Activities = new ActivityKind[Pools.Length];
        for (var p = 0; p < Pools.Length; p++)
        {
            var names = new List<string>();
            foreach (var e in plan.Entries)
            {
                foreach (var u in uses[e.Index])
                {
                    if (ReferenceEquals(u.Pool, Pools[p]))
                    {
                        names.Add(e.TensorName);
                        Bytes[p] += u.Bytes * e.Tiles;
                        Activities[p] = u.Activity;
                    }
                }
            }

            Tensors[p] = string.Join('+', names);
        }

        Schedule = LeafStream.Run(plan.Iterations, computeCycles, slots, entries, PortsTaken);
    }

    /// <summary>Per entry, the port uses of one tile move.</summary>
    public PortUse[][] Uses { get; }

    /// <summary>The target and child instance of every entry this setup was built for.</summary>
    public int[] Instances { get; }

    /// <summary>The distinct port pools the leaf holds.</summary>
    public PortPool[] Pools { get; }

    /// <summary>Ports taken from each pool.</summary>
    public int[] PortsTaken { get; }

    /// <summary>Pool indices in key order (the order every multi-port acquisition uses, so none waits crosswise).</summary>
    public int[] AcquireOrder { get; }

    /// <summary>Per pool, the tensors it carries (<c>C+D</c>), for the trace.</summary>
    public string[] Tensors { get; }

    /// <summary>Per pool, bytes moved in one invocation.</summary>
    public long[] Bytes { get; }

    /// <summary>Per pool, read or write.</summary>
    public ActivityKind[] Activities { get; }

    /// <summary>The invocation's local schedule, relative to the moment its ports are held.</summary>
    public LeafStreamSchedule Schedule { get; }
}
