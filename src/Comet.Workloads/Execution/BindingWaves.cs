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

    private static IEnumerable<Event> Waves(Simulation sim, IReadOnlyList<(BindingKind Binding, MappingNode Node)> children, Func<int, IEnumerable<Event>> body)
    {
        var wave = new List<int>();
        for (var c = 0; c <= children.Count; c++)
        {
            var concurrent = c < children.Count && wave.Count > 0 && children[c].Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing;
            if (c < children.Count && (wave.Count == 0 || concurrent))
            {
                wave.Add(c);
                continue;
            }

            if (wave.Count == 1)
            {
                yield return sim.Call(body(wave[0]));
            }
            else if (wave.Count > 1)
            {
                var procs = wave.Select(w => (Event)sim.Process(body(w), children[w].Node.Name)).ToArray();
                yield return sim.AllOf(procs);
            }

            wave.Clear();
            if (c < children.Count)
            {
                wave.Add(c);
            }
        }
    }
}
