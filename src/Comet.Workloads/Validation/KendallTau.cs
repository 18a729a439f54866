namespace Comet.Workloads.Validation;

/// <summary>Kendall's rank correlation τ-b between two orderings of the same items: 1 when they agree on every pair, −1 when they disagree on every pair.</summary>
public static class KendallTau
{
    /// <summary>τ-b of <paramref name="x"/> and <paramref name="y"/> (paired values; ties allowed); null with fewer than two items or when either is all ties.</summary>
    // τ_b = (C − D) / √((n₀ − n_x)(n₀ − n_y)), n₀ = n(n−1)/2, n_x and n_y the pairs tied in x and in y.
    public static double? Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y need the same length", nameof(y));
        }

        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                pairs++;
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
                if (dx != 0 && dy != 0)
                {
                    (concordant, discordant) = dx == dy ? (concordant + 1, discordant) : (concordant, discordant + 1);
                }
            }
        }

        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : null;
    }
}
