using MathNet.Numerics.LinearAlgebra;

namespace Comet.Workloads.Validation;

/// <summary>Non-negative least squares, exact for the handful of terms a calibration has: the best unconstrained fit over every support set whose coefficients are all ≥ 0.</summary>
/// <remarks>
/// The NNLS optimum is the unconstrained least-squares solution restricted to its own positive support, and every
/// feasible support's solution is a feasible point, so the feasible candidate with the smallest residual is the
/// optimum. With p terms that is 2^p small QR solves (p ≤ <see cref="MaxTerms"/>).
/// </remarks>
public static class NonNegativeLeastSquares
{
    /// <summary>The most terms the exhaustive search accepts.</summary>
    public const int MaxTerms = 16;

    /// <summary>Solves min ‖A·x − b‖² subject to x ≥ 0; columns of A that are zero everywhere get x = 0.</summary>
    /// <exception cref="ArgumentException">The shapes disagree, there are no terms, more than <see cref="MaxTerms"/>, or a value is not finite.</exception>
    public static double[] Solve(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (rows.Count != targets.Count)
        {
            throw new ArgumentException($"{rows.Count} rows but {targets.Count} targets", nameof(targets));
        }

        var p = rows.Count == 0 ? 0 : rows[0].Count;
        if (p is 0 or > MaxTerms)
        {
            throw new ArgumentException($"expected 1..{MaxTerms} terms, got {p}", nameof(rows));
        }

        if (rows.Any(r => r.Count != p || r.Any(v => !double.IsFinite(v))) || targets.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("every row needs the same number of finite terms, and every target must be finite", nameof(rows));
        }

        var best = new double[p];
        var bestResidual = ResidualSquared(rows, targets, best);
        for (var mask = 1; mask < 1 << p; mask++)
        {
            var support = Enumerable.Range(0, p).Where(j => (mask & (1 << j)) != 0).ToArray();
            if (support.Length > rows.Count || support.Any(j => rows.All(r => r[j] == 0)))
            {
                continue;
            }

            var a = Matrix<double>.Build.Dense(rows.Count, support.Length, (i, k) => rows[i][support[k]]);
            var qr = a.QR();
            if (!qr.IsFullRank)
            {
                continue;
            }

            var solution = qr.Solve(Vector<double>.Build.DenseOfEnumerable(targets));
            if (solution.Any(v => !double.IsFinite(v) || v < 0))
            {
                continue;
            }

            var candidate = new double[p];
            for (var k = 0; k < support.Length; k++)
            {
                candidate[support[k]] = solution[k];
            }

            var residual = ResidualSquared(rows, targets, candidate);
            if (residual < bestResidual)
            {
                best = candidate;
                bestResidual = residual;
            }
        }

        return best;
    }

    /// <summary>Sum of squared residuals Σ (a_i·x − b_i)².</summary>
    public static double ResidualSquared(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<double> targets, IReadOnlyList<double> x)
    {
        double sum = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = Dot(rows[i], x) - targets[i];
            sum += r * r;
        }

        return sum;
    }

    /// <summary>Dot product Σ a_j·x_j.</summary>
    public static double Dot(IReadOnlyList<double> a, IReadOnlyList<double> x)
    {
        double sum = 0;
        for (var j = 0; j < a.Count; j++)
        {
            sum += a[j] * x[j];
        }

        return sum;
    }
}
