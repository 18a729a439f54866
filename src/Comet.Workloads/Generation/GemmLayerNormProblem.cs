namespace Comet.Workloads.Generation;

/// <summary>GEMM-LayerNorm's operations, tensors and precisions (docs/generate.md, "GEMM-LayerNorm"): the one table the fused and unfused writers read.</summary>
public static class GemmLayerNormProblem
{
    private static readonly string[] Mn = ["M", "N"];
    private static readonly string[] Row = ["M"];
    private static readonly string[] Column = ["N"];
    private static readonly string[] Scalar = [];

    // The LayerNorm operations in run order: name, mapping type, tensors (inputs, then the output) and their projections.
    private static readonly (string Name, string Type, (string Tensor, string[] Dims)[] Tensors)[] LayerNorm =
    [
        ("ROWSUM1", "rowsum", [("C", Mn), ("S", Row)]),
        ("MEAN", "div", [("S", Row), ("MU", Row)]),
        ("SUB1", "sub", [("C", Mn), ("MU", Row), ("D", Mn)]),
        ("SQUARE", "mult", [("D", Mn), ("E", Mn)]),
        ("ROWSUM2", "rowsum", [("E", Mn), ("Q", Row)]),
        ("VAR", "div", [("Q", Row), ("V", Row)]),
        ("ADDEPS", "add", [("V", Row), ("EPS", Scalar), ("W", Row)]),
        ("SQRT", "sqrt", [("W", Row), ("SD", Row)]),
        ("SUB2", "sub", [("C", Mn), ("MU", Row), ("Y", Mn)]),
        ("NORM", "div", [("Y", Mn), ("SD", Row), ("Z", Mn)]),
        ("SCALE", "mult", [("Z", Mn), ("GAMMA", Column), ("G", Mn)]),
        ("SHIFT", "add", [("G", Mn), ("BETA", Column), ("O", Mn)]),
    ];

    /// <summary>The LayerNorm operations' names in run order.</summary>
    public static IReadOnlyList<string> LayerNormOperations { get; } = [.. LayerNorm.Select(o => o.Name)];

    /// <summary>Bits per element of <paramref name="tensor"/>: the GEMM's A, B, C 8, every LayerNorm tensor 16.</summary>
    public static int Precision(string tensor) => tensor is "A" or "B" or "C" ? 8 : 16;

    /// <summary>The mapping type and tensors (inputs, then the output) of the LayerNorm operation <paramref name="name"/>.</summary>
    public static (string Type, IReadOnlyList<string> Tensors) Simd(string name)
    {
        var op = LayerNorm.Single(o => o.Name == name);
        return (op.Type, [.. op.Tensors.Select(t => t.Tensor)]);
    }

    /// <summary>The fused problem: GEMM then the twelve LayerNorm operations over M, N, K.</summary>
    public static string Fused(long m, long n, long k)
        => ProblemYamlWriter.Write(
            $"C = A*B ({m}x{k} times {k}x{n}), O = LayerNorm over the rows of C, two-pass, scaled by GAMMA and shifted by BETA (written by comet generate)",
            ["M", "N", "K"], [Gemm(), .. LayerNormSpecs()], "O");

    /// <summary>The unfused sequence's second step: the LayerNorm operations over M, N on C read from DRAM.</summary>
    public static string LayerNormStep(long m, long n)
        => ProblemYamlWriter.Write(
            $"unfused GEMM-LayerNorm, step 2: O = LayerNorm over the rows of C ({m}x{n}), C read from DRAM (written by comet generate)",
            Mn, LayerNormSpecs(), "O");

    private static ProblemOperationSpec Gemm() => new("GEMM", [new("A", ["M", "K"]), new("B", ["K", "N"]), new("C", Mn, true)]);

    private static ProblemOperationSpec[] LayerNormSpecs()
        => [.. LayerNorm.Select(o => new ProblemOperationSpec(o.Name, [.. o.Tensors.Select((t, i) => new ProblemTensorSpec(t.Tensor, t.Dims, i == o.Tensors.Length - 1))]))];
}
