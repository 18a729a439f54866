using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Inputs;

/// <summary>The four COMET inputs, parsed and validated, with their SHA-256 hashes.</summary>
/// <param name="Architecture">arch.yaml.</param>
/// <param name="Problem">problem.yaml.</param>
/// <param name="Mapping">mapping.yaml.</param>
/// <param name="Constants">const.yaml.</param>
/// <param name="Hashes">Lower-case hex SHA-256 of each file's bytes, keyed "arch", "problem", "mapping", "constants" (empty when parsed from text).</param>
public sealed record CometInputSet(
    ArchitectureSpec Architecture,
    Problem Problem,
    Mapping Mapping,
    ConstantTable Constants,
    IReadOnlyDictionary<string, string> Hashes)
{
    /// <summary>What the loaders accepted but found suspicious, as data for the caller to show.</summary>
    public IReadOnlyList<InputWarning> Warnings => Architecture.Warnings;
}
