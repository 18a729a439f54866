using Comet.Workloads.Generation;

namespace Comet.Reports.Reproduce;

/// <summary>The shapes <c>comet reproduce</c> runs, per kind of shape (the template's dimensions) and preset: the one home of the table.</summary>
public static class ReproduceShapes
{
    /// <summary>Every shape set: its dimension names (a prefix of a template's dimensions selects it) and its shapes per preset, the quick one first.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Dimensions, IReadOnlyList<ReproduceShape> Shapes)> Sets { get; } =
    [
        (["M", "N", "K"],
        [
            Matrix("edge", 256, 256, 128, quick: true, "the authors' edge shape"),
            Matrix("cloud", 256, 256, 512, quick: true),
            Matrix("cloud", 2048, 2048, 256, quick: false, "the authors' cloud shape"),
            Matrix("cloud", 1, 4096, 512, quick: false),
            Matrix("cloud", 1, 8192, 128, quick: false),
            Matrix("cloud", 1, 16384, 128, quick: false),
            Matrix("cloud", 1024, 1024, 512, quick: false),
        ]),
        (["L", "H", "D"],
        [
            Attention("edge", 512, 12, 64, quick: true, "BERT-base"),
            Attention("cloud", 512, 12, 64, quick: true, "BERT-base"),
            Attention("cloud", 2048, 32, 128, quick: false, "LLaMA-7B layer"),
            Attention("cloud", 4096, 32, 128, quick: false, "LLaMA-7B layer"),
        ]),
    ];

    /// <summary>The shapes of <paramref name="template"/> (those of the set whose dimensions begin its own), only the quick ones when <paramref name="quick"/>; empty when no set matches.</summary>
    public static IReadOnlyList<ReproduceShape> For(ICompoundTemplate template, bool quick)
    {
        ArgumentNullException.ThrowIfNull(template);
        var set = Sets.FirstOrDefault(s => template.ShapeDimensions.Take(s.Dimensions.Count).SequenceEqual(s.Dimensions));
        return set.Shapes is null ? [] : [.. set.Shapes.Where(s => !quick || s.Quick)];
    }

    private static ReproduceShape Matrix(string preset, long m, long n, long k, bool quick, string note = "") =>
        new(preset, [new("M", m), new("N", n), new("K", k)], quick, note);

    private static ReproduceShape Attention(string preset, long seq, long heads, long headDim, bool quick, string note) =>
        new(preset, [new("L", seq), new("H", heads), new("D", headDim)], quick, note);
}
