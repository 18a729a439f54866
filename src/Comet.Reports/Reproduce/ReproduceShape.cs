using System.Globalization;

namespace Comet.Reports.Reproduce;

/// <summary>One shape of the reproduce table on one preset.</summary>
/// <param name="Preset">The preset's name.</param>
/// <param name="Dimensions">The sizes, in the template's dimension order (e.g. M, N, K; or L, H, D).</param>
/// <param name="Quick">True for the one shape per operation and preset that <c>--quick</c> runs.</param>
/// <param name="Note">What the shape stands for (e.g. <c>BERT-base</c>), or empty.</param>
public sealed record ReproduceShape(string Preset, IReadOnlyList<KeyValuePair<string, long>> Dimensions, bool Quick, string Note = "")
{
    /// <summary>The sizes by dimension name, as a generation request takes them.</summary>
    public IReadOnlyDictionary<string, long> Values => Dimensions.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);

    /// <summary>The shape as the table shows it: <c>MxNxK</c> values for a matrix shape (<c>256x256x128</c>), else name and value per dimension (<c>L512-H12-D64</c>).</summary>
    public string Label => Dimensions.Select(d => d.Key).SequenceEqual(["M", "N", "K"])
        ? string.Join("x", Dimensions.Select(d => d.Value.ToString(CultureInfo.InvariantCulture)))
        : string.Join("-", Dimensions.Select(d => d.Key + d.Value.ToString(CultureInfo.InvariantCulture)));
}
