using System.Text;

namespace Comet.Workloads.Generation;

/// <summary>Writes COMET's problem.yaml for a chain of operations over shared dimensions whose sizes are constants of the same name.</summary>
public static class ProblemYamlWriter
{
    /// <summary>The problem file's text: its inputs are <paramref name="inputs"/> (null: the tensors no operation writes), its output <paramref name="output"/>.</summary>
    public static string Write(string comment, IReadOnlyList<string> dimensions, IReadOnlyList<ProblemOperationSpec> operations, string output, IReadOnlyList<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(operations);
        var written = operations.Select(o => o.Output).ToHashSet(StringComparer.Ordinal);
        var ins = inputs ?? operations.SelectMany(o => o.Inputs).Where(t => !written.Contains(t)).Distinct().ToList();
        var dims = string.Join(",", dimensions);
        var text = new StringBuilder();
        text.Append("# ").Append(comment).Append('\n');
        text.Append("problem:\n");
        text.Append("  io:\n");
        text.Append("    ins: ").Append(string.Join(",", ins)).Append('\n');
        text.Append("    outs: ").Append(output).Append('\n');
        text.Append("  dimensions: [").Append(dims).Append("]\n");
        text.Append("  instance:\n");
        foreach (var d in dimensions)
        {
            text.Append("    ").Append(d).Append(": ").Append(d).Append('\n');
        }

        text.Append("  operations:\n");
        foreach (var op in operations)
        {
            text.Append("  - name: ").Append(op.Name).Append('\n');
            text.Append("    ins: ").Append(string.Join(",", op.Inputs)).Append('\n');
            text.Append("    out: ").Append(op.Output).Append('\n');
            text.Append("    dimensions: [").Append(op.Dimensions is null ? dims : string.Join(",", op.Dimensions)).Append("]\n");
            text.Append("    tensors:\n");
            foreach (var t in op.Tensors)
            {
                text.Append("      - name: ").Append(t.Name).Append('\n');
                // A scalar (no dimensions) has no ranks: one element.
                text.Append(t.Dimensions.Count == 0 ? "        projection: []\n" : "        projection:\n");
                foreach (var d in t.Dimensions)
                {
                    text.Append("          - [[").Append(d).Append("]]\n");
                }

                if (t.Written)
                {
                    text.Append("        read-write: true\n");
                }
            }
        }

        return text.ToString();
    }
}
