using Comet.Hardware.Inputs;

namespace Comet.Workloads.Generation;

/// <summary>The compound operations <c>comet generate</c> knows: one row per template.</summary>
public static class CompoundTemplates
{
    /// <summary>Every template, in the order <c>comet generate --help</c> lists them.</summary>
    public static IReadOnlyList<ICompoundTemplate> All { get; } =
    [
        new GemmSoftmaxTemplate(),
        new GemmLayerNormTemplate(),
        new AttentionTemplate(),
    ];

    /// <summary>The template named <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No template has that name (the nearest is suggested).</exception>
    public static ICompoundTemplate Find(string name)
        => All.FirstOrDefault(t => t.Name == name)
            ?? throw new InputException("generate", "OP", $"unknown operation '{name}' (operations: {string.Join(", ", All.Select(t => t.Name))})", hint: NameHints.DidYouMean(name, All.Select(t => t.Name)));

    /// <summary>Generates the case <paramref name="request"/> asks for with its operation's template.</summary>
    public static GeneratedCase Generate(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Find(request.Operation).Generate(request);
    }
}
