using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Sibling subtrees run in binding waves on one binding, as <see cref="BindingWaves"/> runs them, written out by hand (no delegate per run) so that it is recycled once the last wave is done.</summary>
/// <remarks>A wave is children [from, c), ended by a child bound sequentially (or by the last): one child runs in its place, several as processes of their own. It is enumerated once.</remarks>
internal sealed class NodeWaves : RecycledBody<NodeWaves>
{
    private readonly Func<MappingNode, LevelBinding, IEnumerable<Event>> _runNode;
    private Simulation _sim = null!;
    private IReadOnlyList<(BindingKind Binding, MappingNode Node)> _children = [];
    private LevelBinding _binding = null!;
    private int _from;
    private int _next;
    private bool _done = true;

    /// <summary>Creates a reusable body that runs each child with <paramref name="runNode"/>, returned to <paramref name="spares"/> when done.</summary>
    public NodeWaves(Func<MappingNode, LevelBinding, IEnumerable<Event>> runNode, RefStack<NodeWaves> spares)
        : base(spares)
    {
        _runNode = runNode;
    }

    /// <summary>Readies the body to run <paramref name="children"/> on <paramref name="binding"/> (nothing happens until the first <see cref="MoveNext"/>).</summary>
    public NodeWaves Prepare(Simulation sim, IReadOnlyList<(BindingKind Binding, MappingNode Node)> children, LevelBinding binding)
    {
        (_sim, _children, _binding) = (sim, children, binding);
        (_from, _next, _done) = (0, 1, false);
        Rearm();
        return this;
    }

    /// <summary>Starts the next wave; false (and back to the spares) after the last.</summary>
    public override bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var children = _children;
        for (var c = _next; c <= children.Count; c++)
        {
            if (c < children.Count && children[c].Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing)
            {
                continue;
            }

            var from = _from;
            (_from, _next) = (c, c + 1);
            if (c - from == 1)
            {
                Current = _sim.Call(_runNode(children[from].Node, _binding));
            }
            else
            {
                var procs = new Event[c - from];
                for (var k = 0; k < procs.Length; k++)
                {
                    procs[k] = _sim.Process(_runNode(children[from + k].Node, _binding), children[from + k].Node.Name);
                }

                Current = _sim.AllOf(procs);
            }

            return true;
        }

        _done = true;
        (_children, _binding) = ([], null!);
        return Retire();
    }
}
