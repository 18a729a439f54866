namespace Comet.Bench;

/// <summary>What rounds of two builds run back to back say about their ratio: the median of the per-round ratios, a bootstrap interval for that median, and an exact sign test.</summary>
/// <param name="Rounds">Rounds compared.</param>
/// <param name="MedianRatio">Median over the rounds of candidate ÷ baseline.</param>
/// <param name="Low">Lower end of the 95 % bootstrap interval of <paramref name="MedianRatio"/>.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="CandidateFaster">Rounds whose ratio is below 1.</param>
/// <param name="SignTestP">Two-sided exact sign test: the chance of rounds at least this lopsided if either build were equally likely to win a round.</param>
/// <remarks>
/// A ratio per round (builds run back to back) cancels the slow spells a shared host goes through better than a ratio
/// of medians does; the bootstrap and the sign test assume nothing about how the ratios are distributed.
/// </remarks>
public sealed record PairedRounds(int Rounds, double MedianRatio, double Low, double High, int CandidateFaster, double SignTestP)
{
    /// <summary>Most rounds compared: the sign test starts from 2^-n, which must stay a double.</summary>
    public const int MaxRounds = 1000;

    /// <summary>Resamples drawn for the bootstrap interval.</summary>
    public const int Resamples = 10_000;

    /// <summary>The sign test's level below which a difference counts.</summary>
    public const double Significance = 0.05;

    /// <summary>"faster" or "slower" when the whole interval lies on one side of 1 and the sign test is below <see cref="Significance"/>, else "within the noise".</summary>
    public string Verdict => SignTestP >= Significance ? "within the noise" : High < 1 ? "faster" : Low > 1 ? "slower" : "within the noise";

    /// <summary>Compares round by round: <paramref name="candidate"/>[i] ÷ <paramref name="baseline"/>[i]; the bootstrap draws from a generator seeded with <paramref name="seed"/>, so the same figures give the same interval.</summary>
    public static PairedRounds Of(IReadOnlyList<double> candidate, IReadOnlyList<double> baseline, int seed = 1)
    {
        if (candidate.Count != baseline.Count || candidate.Count == 0)
            throw new ArgumentException("expected the same, non-zero number of rounds for both builds");
        var ratios = candidate.Select((c, i) => c / baseline[i]).ToArray();
        var random = new Random(seed);
        var medians = new double[Resamples];
        var draw = new double[ratios.Length];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < draw.Length; i++)
                draw[i] = ratios[random.Next(ratios.Length)];
            medians[r] = BenchStatistics.Median(draw);
        }
        Array.Sort(medians);
        var faster = ratios.Count(x => x < 1);
        var slower = ratios.Count(x => x > 1);
        return new PairedRounds(ratios.Length, BenchStatistics.Median(ratios), medians[(int)(0.025 * Resamples)],
            medians[(int)(0.975 * Resamples) - 1], faster, SignTest(faster, faster + slower));
    }

    /// <summary>Two-sided exact sign test of <paramref name="wins"/> among <paramref name="n"/> untied rounds: P(|K − n/2| ≥ |wins − n/2|) for K ~ Binomial(n, ½).</summary>
    public static double SignTest(int wins, int n)
    {
        if (n == 0)
            return 1;
        if (n > MaxRounds)
            throw new ArgumentOutOfRangeException(nameof(n), $"at most {MaxRounds} rounds (2^-n must stay a double)");
        // P(K = k) = C(n, k) / 2^n, built up term by term from P(K = 0) = 2^-n.
        var distance = Math.Abs(wins - (n / 2.0));
        var term = Math.Pow(2, -n);
        var p = 0.0;
        for (var k = 0; k <= n; k++)
        {
            if (Math.Abs(k - (n / 2.0)) >= distance)
                p += term;
            term = term * (n - k) / (k + 1);
        }
        return Math.Min(1, p);
    }
}
