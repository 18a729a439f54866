using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Runs sibling subtrees as their bindings say: a sequential binding after the one before, a pipeline, parallel or sharing binding concurrently with it.</summary>
internal static class BindingWaves
{
    /// <summary>Runs <paramref name="body"/>(c) for every child c, one wave of concurrent children after another.</summary>
    /// <remarks>One child is its own single wave: its body is returned as it is (bodies are iterators, so nothing runs before the caller steps it), one iterator layer less per event.</remarks>
    public static IEnumerable<Event> Run(Simulation sim, IReadOnlyList<(BindingKind Binding, MappingNode Node)> children, Func<int, IEnumerable<Event>> body) =>
        children.Count == 1 ? body(0) : Waves(sim, children, body);

    /// <summary>The waves as index runs: a wave is children [from, c), ended by a child bound sequentially (or by the last).</summary>
    private static IEnumerable<Event> Waves(Simulation sim, IReadOnlyList<(BindingKind Binding, MappingNode Node)> children, Func<int, IEnumerable<Event>> body)
    {
        var from = 0;
        for (var c = 1; c <= children.Count; c++)
        {
            if (c < children.Count && children[c].Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing)
            {
                continue;
            }

            if (c - from == 1)
            {
                yield return sim.Call(body(from));
            }
            else
            {
                var procs = new Event[c - from];
                for (var k = 0; k < procs.Length; k++)
                {
                    procs[k] = sim.Process(body(from + k), children[from + k].Node.Name);
                }

                yield return sim.AllOf(procs);
            }

            from = c;
        }
    }
}
