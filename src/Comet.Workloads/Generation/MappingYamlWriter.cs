using System.Text;

namespace Comet.Workloads.Generation;

/// <summary>Writes a mapping tree as COMET's mapping.yaml: records in, text out, the same text for the same tree.</summary>
public static class MappingYamlWriter
{
    /// <summary>The mapping file's text for the tree rooted at <paramref name="root"/>, headed by a comment line.</summary>
    public static string Write(TileNodeSpec root, string comment)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        text.Append("# ").Append(comment).Append('\n');
        text.Append("mapping:\n");
        WriteTile(text, root, "  ", "  ");
        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, MappingNodeSpec node, string indent)
    {
        var first = indent + "- ";
        var rest = indent + "  ";
        switch (node)
        {
            case TileNodeSpec tile:
                WriteTile(text, tile, first, rest);
                break;
            case OperationNodeSpec op:
                WriteOperation(text, op, first, rest);
                break;
            case CollectiveNodeSpec col:
                WriteCollective(text, col, first, rest);
                break;
            case BindingNodeSpec binding:
                text.Append(first).Append("node_type: inter_tile_binding\n");
                text.Append(rest).Append("binding: ").Append(binding.Binding).Append('\n');
                break;
            default:
                throw new ArgumentException($"unknown mapping node {node.GetType().Name}", nameof(node));
        }
    }

    private static void WriteTile(StringBuilder text, TileNodeSpec tile, string first, string rest)
    {
        var e = tile.Entries;
        text.Append(first).Append("node_type: DataMovement_Tile\n");
        Line(text, rest, "target", List(e.Select(x => x.Target)));
        Line(text, rest, "type", tile.Spatial ? "spatial" : "temporal");
        Line(text, rest, "tensors", List(e.Select(x => x.Tensor)));
        Line(text, rest, "precision", List(e.Select(x => Num(x.Precision))));
        Line(text, rest, "rmw", List(e.Select(_ => "false")));
        Line(text, rest, "wb_output", List(e.Select(x => x.WriteBack ? "true" : "false")));
        Line(text, rest, "tag", List(e.Select(x => x.Tag)));
        text.Append(rest).Append("factors:\n");
        var lines = e[0].Factors.Count;
        for (var l = 0; l < lines; l++)
        {
            var factorLine = string.Join(" ", tile.Dimensions.Select(d => $"{d}={List(e.Select(x => x.Factors[l].TryGetValue(d, out var v) ? v : "1"))}"));
            text.Append(rest).Append("  - ").Append(factorLine).Append('\n');
        }

        Line(text, rest, "permutation", tile.Permutation);
        Line(text, rest, "child", List(e.Select(x => x.Child)));
        if (tile.Subtree.Count > 0)
        {
            text.Append(rest).Append("subtree:\n");
            foreach (var child in tile.Subtree)
            {
                WriteNode(text, child, rest);
            }
        }
    }

    private static void WriteOperation(StringBuilder text, OperationNodeSpec op, string first, string rest)
    {
        var primitive = string.Join(" ", op.TilePrimitive.Select(p => $"{p.Key}={p.Value}"));
        text.Append(first).Append("node_type: Operation\n");
        Line(text, rest, "type", op.Type);
        Line(text, rest, "name", op.Name);
        Line(text, rest, "tensors", List(op.Tensors));
        Line(text, rest, "TilePrimitive", primitive);
        text.Append(rest).Append("TileSteps:\n");
        foreach (var tensor in op.Tensors)
        {
            Line(text, rest + "  ", tensor, primitive);
        }

        text.Append(rest).Append("compute_attributes:\n");
        text.Append(rest).Append("  reduction_dimensions:\n");
        text.Append(rest).Append("    - ").Append(op.ReductionDimension).Append('\n');
        text.Append(rest).Append("  reduction_factors:\n");
        text.Append(rest).Append("    - ").Append(op.ReductionFactor).Append('\n');
        Line(text, rest + "  ", "rmw", "true");
        Line(text, rest + "  ", "specd", "true");
    }

    private static void WriteCollective(StringBuilder text, CollectiveNodeSpec col, string first, string rest)
    {
        text.Append(first).Append("node_type: CollectiveOperation\n");
        Line(text, rest, "tag", col.Tag);
        Line(text, rest, "target", col.Level);
        Line(text, rest, "type", col.Type);
        Line(text, rest, "reduction_op", col.ReductionOp);
        Line(text, rest, "dimension", col.Dimension);
        Line(text, rest, "src", List([col.Level]));
        Line(text, rest, "dest", List([col.Level]));
        Line(text, rest, "wb_output", "false");
        Line(text, rest, "in_tensor", col.Tensor);
        Line(text, rest, "out_tensor", col.Tensor);
        Line(text, rest, "precision", Num(col.Precision));
        Line(text, rest, "child", col.Level);
    }

    private static void Line(StringBuilder text, string indent, string key, string value) => text.Append(indent).Append(key).Append(": ").Append(value).Append('\n');

    private static string List(IEnumerable<string> items) => $"[{string.Join(",", items)}]";

    private static string Num(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
