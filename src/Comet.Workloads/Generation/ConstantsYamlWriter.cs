using System.Text;

namespace Comet.Workloads.Generation;

/// <summary>Writes COMET's const.yaml from named values, in the order given.</summary>
public static class ConstantsYamlWriter
{
    /// <summary>The constants file's text, headed by a comment line.</summary>
    public static string Write(string comment, IEnumerable<KeyValuePair<string, string>> constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        var text = new StringBuilder();
        text.Append("# ").Append(comment).Append('\n');
        text.Append("const:\n");
        foreach (var (name, value) in constants)
        {
            text.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }
}
