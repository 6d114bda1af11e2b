namespace RiskGrpc.Optimization.Supervised;

/// <summary>
/// The feature vector of a rebalancing date t from daily simple returns at rows ≤ t only: per asset the compounded
/// trailing return over 21, 63, 126 and 252 rows (1, 3, 6, 12 months) and the realised volatility (sample standard
/// deviation, annualised by √periods-per-year) over 21 and 63 rows, then the average pairwise correlation over 63 rows.
/// Length 6·N + 1; needs <see cref="Lookback"/> rows ending at t.
/// </summary>
public static class PortfolioFeatures
{
    /// <summary>Rows of history a feature vector reads (12 months of daily returns).</summary>
    public const int Lookback = 252;

    private const int CorrelationWindow = 63;

    private static readonly int[] ReturnWindows = [21, 63, 126, 252];

    private static readonly int[] VolatilityWindows = [21, 63];

    /// <summary>Length of the feature vector for <paramref name="assets"/> assets.</summary>
    public static int Length(int assets) => (6 * assets) + 1;

    /// <summary>Writes the features at <paramref name="row"/> of <paramref name="returns"/> (rows × assets) into <paramref name="features"/>.</summary>
    public static void Compute(double[,] returns, int row, double periodsPerYear, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var n = returns.GetLength(1);
        if (row < Lookback - 1 || row >= returns.GetLength(0))
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"features need {Lookback} rows ending at the date");
        }

        if (features.Length != Length(n))
        {
            throw new ArgumentException("feature buffer has the wrong length", nameof(features));
        }

        var f = 0;
        for (var a = 0; a < n; a++)
        {
            foreach (var window in ReturnWindows)
            {
                var growth = 1.0;
                for (var r = row - window + 1; r <= row; r++)
                {
                    growth *= 1 + returns[r, a];
                }

                features[f++] = growth - 1;
            }

            foreach (var window in VolatilityWindows)
            {
                features[f++] = StandardDeviation(returns, a, row - window + 1, row) * Math.Sqrt(periodsPerYear);
            }
        }

        features[f] = AveragePairwiseCorrelation(returns, row - CorrelationWindow + 1, row);
    }

    private static double StandardDeviation(double[,] returns, int asset, int first, int last)
    {
        var count = last - first + 1;
        var mean = 0.0;
        for (var r = first; r <= last; r++)
        {
            mean += returns[r, asset];
        }

        mean /= count;
        var ss = 0.0;
        for (var r = first; r <= last; r++)
        {
            var d = returns[r, asset] - mean;
            ss += d * d;
        }

        return Math.Sqrt(ss / (count - 1));
    }

    private static double AveragePairwiseCorrelation(double[,] returns, int first, int last)
    {
        var n = returns.GetLength(1);
        if (n < 2)
        {
            return 0;
        }

        var count = last - first + 1;
        Span<double> means = n <= 256 ? stackalloc double[n] : new double[n];
        Span<double> sds = n <= 256 ? stackalloc double[n] : new double[n];
        for (var a = 0; a < n; a++)
        {
            var m = 0.0;
            for (var r = first; r <= last; r++)
            {
                m += returns[r, a];
            }

            means[a] = m / count;
            var ss = 0.0;
            for (var r = first; r <= last; r++)
            {
                var d = returns[r, a] - means[a];
                ss += d * d;
            }

            sds[a] = Math.Sqrt(ss);
        }

        var sum = 0.0;
        var pairs = 0;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (sds[a] == 0 || sds[b] == 0)
                {
                    continue;
                }

                var c = 0.0;
                for (var r = first; r <= last; r++)
                {
                    c += (returns[r, a] - means[a]) * (returns[r, b] - means[b]);
                }

                sum += c / (sds[a] * sds[b]);
                pairs++;
            }
        }

        return pairs == 0 ? 0 : sum / pairs;
    }
}
