using System.Text.Json;
using Comet.Reports.Output;
using Comet.Hardware.Micro;

namespace Comet.Reports.Compare;

/// <summary>The single JSON object <c>comet compare --suite micro --json</c> prints: one entry per case, in suite order.</summary>
public static class MicroSuiteJson
{
    /// <summary>Serializes <paramref name="cases"/> as <c>{"cases":[{"name","formula","expected_cycles","simulated_cycles"}]}</c> (indented, newline at the end).</summary>
    public static string Write(IReadOnlyList<MicroCase> cases)
    {
        return JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("cases");
            foreach (var c in cases)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("formula", c.Formula);
                w.WriteNumber("expected_cycles", c.ExpectedCycles);
                w.WriteNumber("simulated_cycles", c.SimulatedCycles);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
