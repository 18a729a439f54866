using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Questions about the shape of a mapping tree the executor asks: a node's children with their bindings, an entry's match in another node, the tags a subtree uses and the tensors it produces.</summary>
public static class MappingTree
{
    /// <summary>The non-binding children of <paramref name="node"/>, each with the binding written before it.</summary>
    public static List<(BindingKind Binding, MappingNode Node)> ChildrenOf(MappingNode node)
    {
        var result = new List<(BindingKind, MappingNode)>();
        var binding = BindingKind.None;
        foreach (var child in node.Children)
        {
            if (child is InterTileBindingNode b)
            {
                binding = b.Kind;
                continue;
            }

            result.Add((binding, child));
            binding = BindingKind.None;
        }

        return result;
    }

    /// <summary>Index of the entry of <paramref name="node"/> with the same tensor and tag as <paramref name="entry"/>, or −1.</summary>
    public static int FindEntry(DataMovementTileNode node, TileEntry entry)
    {
        for (var i = 0; i < node.Entries.Count; i++)
        {
            if (node.Entries[i].TensorId == entry.TensorId && node.Entries[i].Tag == entry.Tag)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Operation names, collective tags and entry tags in the subtree of <paramref name="node"/>.</summary>
    public static HashSet<string> TagsOf(MappingNode node)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        Collect(node);
        return tags;

        void Collect(MappingNode n)
        {
            switch (n)
            {
                case OperationNode op:
                    tags.Add(op.OperationName);
                    break;
                case CollectiveOperationNode col:
                    tags.Add(col.Tag);
                    break;
                case DataMovementTileNode dm:
                    foreach (var e in dm.Entries)
                    {
                        tags.Add(e.Tag);
                    }

                    break;
            }

            foreach (var c in n.Children)
            {
                Collect(c);
            }
        }
    }

    /// <summary>The tensors the operations and collectives in the subtree of <paramref name="node"/> produce.</summary>
    public static HashSet<int> ProducedBy(Problem problem, MappingNode node)
    {
        var produced = new HashSet<int>();
        Collect(node);
        return produced;

        void Collect(MappingNode n)
        {
            switch (n)
            {
                case OperationNode op when problem.FindOperation(op.OperationName) is { } po:
                    produced.Add(problem.TensorId(po.Output));
                    break;
                case CollectiveOperationNode col:
                    produced.Add(col.OutputTensorId);
                    break;
            }

            foreach (var c in n.Children)
            {
                Collect(c);
            }
        }
    }
}
