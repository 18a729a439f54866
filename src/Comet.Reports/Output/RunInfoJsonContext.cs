using System.Text.Json.Serialization;

namespace Comet.Reports.Output;

/// <summary>Source-generated JSON metadata for <see cref="RunInfo"/>, so <c>run-info.json</c> is written without reflection and the natively compiled <c>comet</c> keeps it.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunInfo))]
internal sealed partial class RunInfoJsonContext : JsonSerializerContext;
