namespace RiskGrpc.Kernel;

/// <summary>Turns the pass results into the catalogue's ratios (docs/metrics.md, "Returns-only metrics").</summary>
public static partial class MetricKernel
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    private static ReturnMetrics Assemble(
        int n,
        double a,
        double rf,
        double rfp,
        in MomentSums s,
        in PathSums p,
        double sd,
        double skewBiased,
        double kurtosisBiased,
        double q01,
        double q05,
        double q95,
        double q99,
        double drawdownCvar)
    {
        var sqrtA = Math.Sqrt(a);
        var mean = s.Mean;
        var meanExcess = mean - rfp;
        var srPerPeriod = Ratio(meanExcess, sd);
        var sharpe = srPerPeriod * sqrtA;

        // np.corrcoef(r[:-1], r[1:]): each half about its own mean; a shift by rf_p leaves it unchanged.
        var rho = n >= 3 ? Ratio(s.LagCovariance, Math.Sqrt(s.LagVarianceHead * s.LagVarianceTail)) : double.NaN;
        var penalty = AutocorrPenalty(rho, n);

        var downsideRms = Math.Sqrt(s.DownsideSquares / n);
        var sortino = Ratio(meanExcess * sqrtA, downsideRms);

        var totalReturn = p.FinalWealth - 1;
        var cagr = Math.Pow(p.FinalWealth, a / n) - 1;
        var maxDd = p.MaxDrawdown;
        var tailRatio = Ratio(Math.Abs(q95), Math.Abs(q05));
        var ulcer = n >= 2 ? Math.Sqrt(p.DrawdownSquares / (n - 1)) : double.NaN;

        var skew = n >= 3 ? skewBiased * Math.Sqrt((double)n * (n - 1)) / (n - 2) : double.NaN;
        var kurtosis = n >= 4 ? ((((n + 1) * kurtosisBiased) + 6) * (n - 1)) / ((double)(n - 2) * (n - 3)) : double.NaN;

        var wins = s.PositiveCount;
        var losses = s.NegativeCount;
        var nonZero = wins + losses;
        var nonNegative = n - losses;
        var winRate = Ratio(wins, nonZero);
        var avgWin = wins > 0 ? s.PositiveSum / wins : double.NaN;
        var avgLoss = losses > 0 ? s.NegativeSum / losses : double.NaN;
        var meanNonNegative = nonNegative > 0 ? s.PositiveSum / nonNegative : double.NaN;
        var payoff = Ratio(avgWin, Math.Abs(avgLoss));
        var profitFactor = losses == 0 ? (s.PositiveSum > 0 ? double.PositiveInfinity : 0) : s.PositiveSum / Math.Abs(s.NegativeSum);
        var exposure = Math.Ceiling(nonZero / n * 100) / 100;

        // PSR (Bailey & López de Prado): per-period SR, biased skew, raw kurtosis K = g2 + 3.
        var psrDenominator = 1 - (skewBiased * srPerPeriod) + ((kurtosisBiased + 2) / 4 * srPerPeriod * srPerPeriod);
        var psr = n >= 2 ? NormalCdf(srPerPeriod * Math.Sqrt(n - 1) / Math.Sqrt(psrDenominator)) : double.NaN;

        var pitfall = Ratio(-drawdownCvar, sd);
        return new ReturnMetrics
        {
            TotalReturn = totalReturn,
            Cagr = cagr,
            Volatility = sd * sqrtA,
            Sharpe = sharpe,
            AutocorrPenalty = penalty,
            SmartSharpe = sharpe / penalty,
            DownsideRisk = downsideRms * sqrtA,
            Sortino = sortino,
            SmartSortino = sortino / penalty,
            AdjustedSortino = sortino / Sqrt2,
            MaxDrawdown = maxDd,
            Calmar = maxDd < 0 ? cagr / Math.Abs(maxDd) : double.NaN,
            Omega = s.ExcessLoss > 0 ? s.ExcessGain / s.ExcessLoss : double.NaN,
            Stability = p.Stability,
            TailRatio = tailRatio,
            Skew = skew,
            SkewBiased = skewBiased,
            Kurtosis = kurtosis,
            KurtosisBiased = kurtosisBiased,
            UlcerIndex = ulcer,
            UlcerPerformanceIndex = Ratio(totalReturn - rf, ulcer),
            SerenityIndex = Ratio(s.Sum - rf, ulcer * pitfall),
            RecoveryFactor = Ratio(Math.Abs(s.Sum - rf), Math.Abs(maxDd)),
            WinRate = winRate,
            AvgWin = avgWin,
            AvgLoss = avgLoss,
            AvgReturn = nonZero > 0 ? (s.PositiveSum + s.NegativeSum) / nonZero : double.NaN,
            PayoffRatio = payoff,
            ProfitFactor = profitFactor,
            ProfitRatio = Ratio(meanNonNegative / nonNegative, Math.Abs(avgLoss) / losses),
            GainToPainRatio = losses > 0 ? s.Sum / Math.Abs(s.NegativeSum) : double.NaN,
            KellyCriterion = Ratio((payoff * winRate) - (1 - winRate), payoff),
            RiskOfRuin = Math.Pow((1 - winRate) / (1 + winRate), n),
            CpcIndex = profitFactor * winRate * payoff,
            CommonSenseRatio = profitFactor * tailRatio,
            CommonSenseRatioPyfolio = tailRatio * (1 + cagr),
            OutlierWinRatio = Ratio(q99, meanNonNegative),
            OutlierLossRatio = Ratio(q01, avgLoss),
            ExpectedReturn = Math.Pow(p.FinalWealth, 1.0 / n) - 1,
            Exposure = exposure,
            Rar = Ratio(cagr, exposure),
            RiskReturnRatio = Ratio(mean, sd),
            Best = s.Max,
            Worst = s.Min,
            ConsecutiveWins = p.LongestWinRun,
            ConsecutiveLosses = p.LongestLossRun,
            ProbabilisticSharpeRatio = psr,
            DrawdownCount = p.EpisodeCount,
            MaxDrawdownDuration = p.LongestEpisode,
            AvgDrawdown = p.EpisodeCount > 0 ? p.EpisodeDepthSum / p.EpisodeCount : 0,
            AvgDrawdownDuration = p.EpisodeCount > 0 ? (double)p.EpisodeLengthSum / p.EpisodeCount : 0,
            Mean = mean,
            Stdev = sd,
        };
    }

    /// <summary>
    /// √(1 + 2·Σ_{k=1}^{n−1} ((n−k)/n)·|ρ|^k). The power is carried as a running product and the sum stops once the
    /// geometric bound on the remaining terms, |ρ|^{k+1}/(1 − |ρ|), is below 1e-17 of the sum (exact for |ρ| = 1).
    /// </summary>
    private static double AutocorrPenalty(double rho, int n)
    {
        if (double.IsNaN(rho))
        {
            return double.NaN;
        }

        var x = Math.Abs(rho);
        double sum = 0, power = 1;
        for (var k = 1; k < n; k++)
        {
            power *= x;
            sum += (double)(n - k) / n * power;
            if (power * x <= sum * 1e-17 * (1 - x))
            {
                break;
            }
        }

        return Math.Sqrt(1 + (2 * sum));
    }

    private static ReturnMetrics Empty()
    {
        var nan = double.NaN;
        return new ReturnMetrics
        {
            TotalReturn = nan, Cagr = nan, Volatility = nan, Sharpe = nan, AutocorrPenalty = nan, SmartSharpe = nan,
            DownsideRisk = nan, Sortino = nan, SmartSortino = nan, AdjustedSortino = nan, MaxDrawdown = nan, Calmar = nan,
            Omega = nan, Stability = nan, TailRatio = nan, Skew = nan, SkewBiased = nan, Kurtosis = nan, KurtosisBiased = nan,
            UlcerIndex = nan, UlcerPerformanceIndex = nan, SerenityIndex = nan, RecoveryFactor = nan, WinRate = nan,
            AvgWin = nan, AvgLoss = nan, AvgReturn = nan, PayoffRatio = nan, ProfitFactor = nan, ProfitRatio = nan,
            GainToPainRatio = nan, KellyCriterion = nan, RiskOfRuin = nan, CpcIndex = nan, CommonSenseRatio = nan,
            CommonSenseRatioPyfolio = nan, OutlierWinRatio = nan, OutlierLossRatio = nan, ExpectedReturn = nan,
            Exposure = nan, Rar = nan, RiskReturnRatio = nan, Best = nan, Worst = nan, ProbabilisticSharpeRatio = nan,
            Mean = nan, Stdev = nan,
            ConsecutiveWins = 0, ConsecutiveLosses = 0, DrawdownCount = 0, MaxDrawdownDuration = 0, AvgDrawdown = 0,
            AvgDrawdownDuration = 0,
        };
    }
}
