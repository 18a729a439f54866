using System.Text.RegularExpressions;

namespace Comet.Tests.Shared;

/// <summary>Reads back what an SVG says: the strings of its text elements.</summary>
internal static class SvgTexts
{
    /// <summary>The strings of the text elements of the SVG at <paramref name="svgPath"/>, trimmed, in document order.</summary>
    public static List<string> Of(string svgPath) =>
        Regex.Matches(File.ReadAllText(svgPath), "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value.Trim()).ToList();
}
