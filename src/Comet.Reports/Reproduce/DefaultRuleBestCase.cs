using Comet.Workloads.Generation;

namespace Comet.Reports.Reproduce;

/// <summary>The generator's default tile-factor rule as the "best" case: the one tiling <c>comet generate</c> writes (docs/generate.md).</summary>
public sealed class DefaultRuleBestCase : IBestCaseSource
{
    /// <inheritdoc/>
    public string Name => "default rule";

    /// <inheritdoc/>
    public BestCase Find(BestCaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var generated = CompoundTemplates.Generate(new GenerationRequest(query.Operation, query.Preset, query.Shape, query.Fused));
        return new BestCase(generated, Name);
    }
}
