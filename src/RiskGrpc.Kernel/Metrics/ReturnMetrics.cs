namespace RiskGrpc.Kernel;

/// <summary>Every returns-only scalar of the metric catalogue (docs/metrics.md). Counts (runs, episodes) are stored as doubles.</summary>
public struct ReturnMetrics
{
    /// <summary>W_n − 1.</summary>
    public double TotalReturn { get; set; }

    /// <summary>Compound annual growth: W_n^(A/n) − 1.</summary>
    public double Cagr { get; set; }

    /// <summary>sd(r)·√A, sample standard deviation.</summary>
    public double Volatility { get; set; }

    /// <summary>mean(e)/sd(e)·√A.</summary>
    public double Sharpe { get; set; }

    /// <summary>√(1 + 2·Σ_k ((n−k)/n)·|ρ|^k), ρ = lag-1 autocorrelation of e.</summary>
    public double AutocorrPenalty { get; set; }

    /// <summary>sharpe / autocorr_penalty.</summary>
    public double SmartSharpe { get; set; }

    /// <summary>√(mean min(e,0)²)·√A over all n rows.</summary>
    public double DownsideRisk { get; set; }

    /// <summary>mean(e)·√A / √(mean min(e,0)²); +Infinity when there is no downside and mean &gt; 0.</summary>
    public double Sortino { get; set; }

    /// <summary>sortino / autocorr_penalty.</summary>
    public double SmartSortino { get; set; }

    /// <summary>sortino / √2.</summary>
    public double AdjustedSortino { get; set; }

    /// <summary>min_t dd_t (≤ 0).</summary>
    public double MaxDrawdown { get; set; }

    /// <summary>cagr / |max_drawdown|; NaN when max_drawdown = 0.</summary>
    public double Calmar { get; set; }

    /// <summary>Σ max(e,0) / Σ max(−e,0); NaN when the denominator is 0.</summary>
    public double Omega { get; set; }

    /// <summary>R² of the least-squares line through cumsum(log(1+r)) against t.</summary>
    public double Stability { get; set; }

    /// <summary>|Q(0.95)| / |Q(0.05)|, Q = linear-interpolation quantile.</summary>
    public double TailRatio { get; set; }

    /// <summary>Bias-corrected sample skewness G1.</summary>
    public double Skew { get; set; }

    /// <summary>Population skewness g1.</summary>
    public double SkewBiased { get; set; }

    /// <summary>Bias-corrected excess kurtosis G2.</summary>
    public double Kurtosis { get; set; }

    /// <summary>Population excess kurtosis g2.</summary>
    public double KurtosisBiased { get; set; }

    /// <summary>√(Σ dd_t² / (n − 1)).</summary>
    public double UlcerIndex { get; set; }

    /// <summary>(total_return − rf) / ulcer_index.</summary>
    public double UlcerPerformanceIndex { get; set; }

    /// <summary>(Σr − rf) / (ulcer_index · pitfall), pitfall = −cvar_quantstats(0.95, dd) / sd(r).</summary>
    public double SerenityIndex { get; set; }

    /// <summary>|Σr − rf| / |max_drawdown|.</summary>
    public double RecoveryFactor { get; set; }

    /// <summary>#(r &gt; 0) / #(r ≠ 0).</summary>
    public double WinRate { get; set; }

    /// <summary>Mean of r &gt; 0.</summary>
    public double AvgWin { get; set; }

    /// <summary>Mean of r &lt; 0.</summary>
    public double AvgLoss { get; set; }

    /// <summary>Mean of r ≠ 0.</summary>
    public double AvgReturn { get; set; }

    /// <summary>avg_win / |avg_loss|.</summary>
    public double PayoffRatio { get; set; }

    /// <summary>Σ_{r≥0} r / |Σ_{r&lt;0} r|; +Infinity with no losses (0 if no gains either).</summary>
    public double ProfitFactor { get; set; }

    /// <summary>(mean of r ≥ 0 / #(r ≥ 0)) / (|mean of r &lt; 0| / #(r &lt; 0)).</summary>
    public double ProfitRatio { get; set; }

    /// <summary>Σr / |Σ_{r&lt;0} r|; NaN when there are no losses.</summary>
    public double GainToPainRatio { get; set; }

    /// <summary>(payoff·w − (1 − w)) / payoff, w = win_rate.</summary>
    public double KellyCriterion { get; set; }

    /// <summary>((1 − w)/(1 + w))^n.</summary>
    public double RiskOfRuin { get; set; }

    /// <summary>profit_factor · win_rate · payoff_ratio.</summary>
    public double CpcIndex { get; set; }

    /// <summary>profit_factor · tail_ratio (QuantStats).</summary>
    public double CommonSenseRatio { get; set; }

    /// <summary>tail_ratio · (1 + cagr) (pyfolio).</summary>
    public double CommonSenseRatioPyfolio { get; set; }

    /// <summary>Q(0.99) / mean of r ≥ 0.</summary>
    public double OutlierWinRatio { get; set; }

    /// <summary>Q(0.01) / mean of r &lt; 0.</summary>
    public double OutlierLossRatio { get; set; }

    /// <summary>Geometric mean per period: W_n^(1/n) − 1.</summary>
    public double ExpectedReturn { get; set; }

    /// <summary>⌈100·#(r ≠ 0)/n⌉ / 100.</summary>
    public double Exposure { get; set; }

    /// <summary>cagr / exposure.</summary>
    public double Rar { get; set; }

    /// <summary>mean(r) / sd(r), not annualised.</summary>
    public double RiskReturnRatio { get; set; }

    /// <summary>max r.</summary>
    public double Best { get; set; }

    /// <summary>min r.</summary>
    public double Worst { get; set; }

    /// <summary>Longest run of r &gt; 0.</summary>
    public double ConsecutiveWins { get; set; }

    /// <summary>Longest run of r &lt; 0.</summary>
    public double ConsecutiveLosses { get; set; }

    /// <summary>Φ(SR·√(n−1) / √(1 − S·SR + (K−1)/4·SR²)), SR per-period sharpe, S = skew_biased, K = kurtosis_biased + 3.</summary>
    public double ProbabilisticSharpeRatio { get; set; }

    /// <summary>Number of drawdown episodes (a series underwater from its first row counts).</summary>
    public double DrawdownCount { get; set; }

    /// <summary>Longest episode in periods, peak to recovery (or to the end if not recovered); 0 without episodes.</summary>
    public double MaxDrawdownDuration { get; set; }

    /// <summary>Mean depth of the episodes (≤ 0); 0 without episodes.</summary>
    public double AvgDrawdown { get; set; }

    /// <summary>Mean length of the episodes in periods; 0 without episodes.</summary>
    public double AvgDrawdownDuration { get; set; }

    /// <summary>Arithmetic mean of r per period.</summary>
    public double Mean { get; set; }

    /// <summary>Sample standard deviation of r per period.</summary>
    public double Stdev { get; set; }
}
