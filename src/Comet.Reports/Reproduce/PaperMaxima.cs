namespace Comet.Reports.Reproduce;

/// <summary>The COMET paper's largest fused-over-unfused speedup per compound operation, which reproduce.md sets beside ours.</summary>
public static class PaperMaxima
{
    /// <summary>The paper's maximum speedup by operation name (1.42× GEMM-Softmax, 3.46× GEMM-LayerNorm, 1.82× self-attention).</summary>
    public static IReadOnlyDictionary<string, double> ByOperation { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["gemm-softmax"] = 1.42,
        ["gemm-layernorm"] = 3.46,
        ["attention"] = 1.82,
    };
}
