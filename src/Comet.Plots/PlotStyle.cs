using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Comet.Plots;

/// <summary>Font choice and SVG post-processing shared by Comet's plots.</summary>
public static partial class PlotStyle
{
    /// <summary>Skia numbers SVG clip paths from a process-wide counter; renumbering them from zero makes the SVG byte-identical across runs.</summary>
    public static void RenumberClipPaths(string svgPath)
    {
        var text = File.ReadAllText(svgPath);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var renumbered = ClipPathId().Replace(text, m =>
        {
            if (!ids.TryGetValue(m.Groups[1].Value, out var id))
            {
                id = ids.Count.ToString(CultureInfo.InvariantCulture);
                ids.Add(m.Groups[1].Value, id);
            }

            return "cl_" + id + m.Groups[2].Value;
        });
        File.WriteAllText(svgPath, renumbered);
    }

    /// <summary>The first installed sans-serif family, since ScottPlot's generic sans name may resolve to a serif face on Linux.</summary>
    public static string SansFont()
    {
        foreach (var name in new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" })
        {
            using var typeface = SkiaSharp.SKTypeface.FromFamilyName(name);
            if (typeface is not null && string.Equals(typeface.FamilyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return Fonts.Sans;
    }

    [GeneratedRegex("cl_([0-9a-f]+)([\")])")]
    private static partial Regex ClipPathId();
}
