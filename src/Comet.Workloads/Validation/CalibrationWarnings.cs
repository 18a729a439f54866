namespace Comet.Workloads.Validation;

/// <summary>Why a calibration's fit may not be worth much, found before fitting: too few cases per coefficient, or the same case counted twice.</summary>
public static class CalibrationWarnings
{
    /// <summary>A fit wants more than this many cases per fitted coefficient; with fewer it can follow the cases' noise (a rule of thumb, kept in one place).</summary>
    public const int CasesPerCoefficient = 3;

    /// <summary>One sentence per problem with <paramref name="samples"/> fitted with <paramref name="coefficients"/> coefficients (empty when there is none).</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<CalibrationSample> samples, int coefficients)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var warnings = new List<string>();

        // "as many parameters as a third of its cases": coefficients ≥ cases / 3.
        if (coefficients * CasesPerCoefficient >= samples.Count)
        {
            warnings.Add($"fitting {coefficients} coefficients to {samples.Count} cases (fewer than {CasesPerCoefficient + 1} cases per coefficient): the fit can follow noise; judge it by the leave-one-out error, and add cases");
        }

        var duplicates = samples.Where(s => s.InputsHash is not null)
            .GroupBy(s => s.InputsHash, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" = ", g.Select(s => s.Name)))
            .ToList();
        if (duplicates.Count > 0)
        {
            warnings.Add($"cases with identical inputs (same SHA-256 of the four files) are fitted more than once: {string.Join("; ", duplicates)}; each such group weighs as several cases");
        }

        return warnings;
    }
}
