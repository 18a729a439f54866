namespace Comet.Hardware.Specs;

/// <summary>The latency/energy model selected by a ComputeTiles entry's name (the tool builds class <c>&lt;name&gt;Compute</c>).</summary>
public enum ComputeModel
{
    /// <summary><c>GEMM</c>: startup + speculative-reduction extra + ops/512 × latency.</summary>
    Gemm,

    /// <summary><c>SystolicArray</c>: ScaleSim-style fold × (2·rows + cols + T − 2).</summary>
    SystolicArray,

    /// <summary><c>VSIMD</c>: op cycles × ⌈elements / (width·reduction)⌉.</summary>
    Vsimd,

    /// <summary><c>MAC</c>: a fixed latency per tile primitive.</summary>
    Mac,

    /// <summary><c>intmac</c>: elements × latency.</summary>
    IntMac,
}
