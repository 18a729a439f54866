using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Comet.Reports.Output;

/// <summary>Writes one indented JSON document to text ending in a newline, with relaxed escaping so non-ASCII text stays readable.</summary>
public static class JsonText
{
    /// <summary>The document <paramref name="write"/> produces.</summary>
    public static string Document(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
