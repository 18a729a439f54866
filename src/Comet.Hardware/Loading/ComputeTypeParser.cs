using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using static Comet.Hardware.Loading.AttributeReader;

namespace Comet.Hardware.Loading;

/// <summary>Parses one entry of arch.yaml's <c>ComputeTiles</c> into a <see cref="ComputeTypeSpec"/>.</summary>
internal static class ComputeTypeParser
{
    /// <summary>The attribute keys a compute type may have.</summary>
    public static readonly string[] AttributeKeys =
    [
        "datawidth", "capacity", "computeWidth", "computeOpC", "computeLatency", "startupLatency", "compute_energy",
        "array_rows", "array_cols", "num_sa_rows", "num_sa_cols",
    ];

    /// <summary>Parses the compute type at <paramref name="node"/> (<paramref name="path"/> names it in errors).</summary>
    public static ComputeTypeSpec Parse(YamlFile file, YamlNode node, string path)
    {
        var map = file.AsMapping(node, path);
        var name = ArchitectureLoader.StripRange(file.AsString(file.Require(map, "name", path), path + ".name"));
        var attrPath = path + ".attributes";
        var attrs = file.AsMapping(file.Require(map, "attributes", path), attrPath);
        file.CheckKeys(attrs, attrPath, AttributeKeys);
        var model = name switch
        {
            "GEMM" => ComputeModel.Gemm,
            "SystolicArray" => ComputeModel.SystolicArray,
            "VSIMD" => ComputeModel.Vsimd,
            "MAC" => ComputeModel.Mac,
            "intmac" => ComputeModel.IntMac,
            _ => (ComputeModel)(-1),
        };
        var opc = PositiveInt(file, attrs, "computeOpC", attrPath, null);
        var latency = PositiveInt(file, attrs, "computeLatency", attrPath, null);
        return new ComputeTypeSpec(
            name,
            model,
            opc,
            latency,
            NonNegativeInt(file, attrs, "startupLatency", attrPath, 0),
            PositiveInt(file, attrs, "computeWidth", attrPath, 8),
            NonNegativeInt(file, attrs, "capacity", attrPath, 0),
            (float)NonNegativeDouble(file, attrs, "compute_energy", attrPath, 0),
            PositiveInt(file, attrs, "array_rows", attrPath, 32),
            PositiveInt(file, attrs, "array_cols", attrPath, 32),
            PositiveInt(file, attrs, "num_sa_rows", attrPath, 1),
            PositiveInt(file, attrs, "num_sa_cols", attrPath, 1));
    }
}
