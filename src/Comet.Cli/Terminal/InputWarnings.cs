using Comet.Workloads.Inputs;

namespace Comet.Cli.Terminal;

/// <summary>Prints the loaders' warnings, one <c>warning: &lt;file&gt;:&lt;line&gt;:&lt;col&gt;: &lt;key&gt;: &lt;what&gt;</c> line each on stderr, after a verb has succeeded; the exit code is not affected.</summary>
public static class InputWarnings
{
    /// <summary>Writes every warning of <paramref name="inputs"/> to <paramref name="stderr"/>.</summary>
    public static void Print(TextWriter stderr, CometInputSet inputs)
    {
        foreach (var warning in inputs.Warnings)
        {
            stderr.WriteLine($"warning: {warning.Message}");
        }
    }
}
