namespace Comet.Workloads.Generation;

/// <summary>A compound operation the generator can write as a COMET case, fused or unfused.</summary>
public interface ICompoundTemplate
{
    /// <summary>The operation's name on the command line, e.g. <c>gemm-softmax</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the operation computes and how it is decomposed.</summary>
    string Description { get; }

    /// <summary>The shape's dimensions, in the order <c>--shape</c> gives them (e.g. M, N, K).</summary>
    IReadOnlyList<string> ShapeDimensions { get; }

    /// <summary>Writes the case for <paramref name="request"/>.</summary>
    /// <exception cref="Hardware.Inputs.InputException">The shape cannot be tiled on the preset, or an override is unknown or does not fit.</exception>
    GeneratedCase Generate(GenerationRequest request);
}
