using System.Collections;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Sibling subtrees run in binding waves on one binding, as <see cref="BindingWaves"/> runs them, written out by hand (no delegate per run) so that it is recycled once the last wave is done.</summary>
/// <remarks>A wave is children [from, c), ended by a child bound sequentially (or by the last): one child runs in its place, several as processes of their own. It is enumerated once.</remarks>
internal sealed class NodeWaves : IEnumerable<Event>, IEnumerator<Event>
{
    private readonly Stack<NodeWaves> _spares;
    private readonly Func<MappingNode, LevelBinding, IEnumerable<Event>> _runNode;
    private Simulation _sim = null!;
    private IReadOnlyList<(BindingKind Binding, MappingNode Node)> _children = [];
    private LevelBinding _binding = null!;
    private int _from;
    private int _next;
    private bool _done = true;
    private bool _enumerated;

    /// <summary>Creates a reusable body that runs each child with <paramref name="runNode"/>, returned to <paramref name="spares"/> when done.</summary>
    public NodeWaves(Func<MappingNode, LevelBinding, IEnumerable<Event>> runNode, Stack<NodeWaves> spares)
    {
        _runNode = runNode;
        _spares = spares;
    }

    /// <summary>Readies the body to run <paramref name="children"/> on <paramref name="binding"/> (nothing happens until the first <see cref="MoveNext"/>).</summary>
    public NodeWaves Prepare(Simulation sim, IReadOnlyList<(BindingKind Binding, MappingNode Node)> children, LevelBinding binding)
    {
        (_sim, _children, _binding) = (sim, children, binding);
        (_from, _next, _done, _enumerated) = (0, 1, false, false);
        Current = null!;
        return this;
    }

    /// <summary>The event the current wave waits on.</summary>
    public Event Current { get; private set; } = null!;

    object IEnumerator.Current => Current;

    /// <summary>Starts the next wave; false (and back to the spares) after the last.</summary>
    public bool MoveNext()
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
        Current = null!;
        (_children, _binding) = ([], null!);
        _spares.Push(this);
        return false;
    }

    /// <summary>This body, once: it is recycled, so enumerating it again is an error.</summary>
    public IEnumerator<Event> GetEnumerator()
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("a recycled waves body is enumerated once");
        }

        _enumerated = true;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public void Reset() => throw new NotSupportedException();

    /// <summary>Nothing to give back (an abandoned body is not recycled).</summary>
    public void Dispose()
    {
    }
}
