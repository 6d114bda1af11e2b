using MathNet.Numerics.Distributions;

namespace RiskGrpc.Kernel.Tests.Reference;

/// <summary>
/// How each key of metric-reference.json maps onto the kernel: which field, at which confidence level, and which
/// parameters reproduce the library call. Keys outside this kernel are listed with the reason.
/// </summary>
internal static class ReturnsOnlyReferenceKeys
{
    /// <summary>pyfolio's "Daily value at risk" is mean − 2·sd (timeseries.value_at_risk, sigma=2): var_gaussian at c = Φ(2).</summary>
    public static readonly double PyfolioVarConfidence = Normal.CDF(0, 1, 2);

    public static readonly IReadOnlyDictionary<string, ReferenceMetric> Mapped = Build(
        // empyrical's annual_return divides len(returns), NaN rows included, by A while its product skips them: the
        // same as treating a missing return as 0 (the ZERO policy). The same holds for calmar_ratio, built on it.
        new("empyrical.annual_return", (m, _) => m.Cagr, NanAsZero: true),
        new("empyrical.cagr", (m, _) => m.Cagr, NanAsZero: true),
        new("quantstats.cagr", m => m.Cagr),
        new("pyfolio.perf_stats.Annual return", m => m.Cagr),
        new("empyrical.annual_volatility", m => m.Volatility),
        new("quantstats.volatility", m => m.Volatility),
        new("pyfolio.perf_stats.Annual volatility", m => m.Volatility),
        new("empyrical.calmar_ratio", (m, _) => m.Calmar, NanAsZero: true),
        new("quantstats.calmar", m => m.Calmar),
        new("pyfolio.perf_stats.Calmar ratio", m => m.Calmar),
        new("empyrical.cum_returns_final", m => m.TotalReturn),
        new("quantstats.comp", m => m.TotalReturn),
        new("pyfolio.perf_stats.Cumulative returns", m => m.TotalReturn),
        new("empyrical.downside_risk", m => m.DownsideRisk),

        // empyrical's required_return is per period: the annual rf whose rf_p is 0.1.
        new("empyrical.downside_risk(required_return=0.1)", (m, _) => m.DownsideRisk, RiskFreePerPeriod: 0.1),
        new("empyrical.max_drawdown", m => m.MaxDrawdown),
        new("quantstats.max_drawdown", m => m.MaxDrawdown),
        new("pyfolio.perf_stats.Max drawdown", m => m.MaxDrawdown),
        new("empyrical.omega_ratio", m => m.Omega),
        new("quantstats.omega", m => m.Omega),
        new("pyfolio.perf_stats.Omega ratio", m => m.Omega),

        // omega_ratio's required_return is annual: threshold (1 + rr)^(1/A) − 1, exactly our rf_p for rf = rr.
        new("empyrical.omega_ratio(required_return=10.0)", (m, _) => m.Omega, RiskFreeAnnual: 10.0),
        new("empyrical.sharpe_ratio", m => m.Sharpe),
        new("quantstats.sharpe", m => m.Sharpe),
        new("pyfolio.perf_stats.Sharpe ratio", m => m.Sharpe),
        new("empyrical.sortino_ratio", m => m.Sortino),
        new("quantstats.sortino", m => m.Sortino),
        new("pyfolio.perf_stats.Sortino ratio", m => m.Sortino),
        new("empyrical.stability_of_timeseries", m => m.Stability),
        new("pyfolio.perf_stats.Stability", m => m.Stability),
        new("empyrical.tail_ratio", m => m.TailRatio),
        new("quantstats.tail_ratio", m => m.TailRatio),
        new("pyfolio.perf_stats.Tail ratio", m => m.TailRatio),
        new("pyfolio.common_sense_ratio", m => m.CommonSenseRatioPyfolio),
        new("pyfolio.perf_stats.Skew", m => m.SkewBiased),
        new("pyfolio.perf_stats.Kurtosis", m => m.KurtosisBiased),

        // excess_sharpe against a zero factor is mean(r)/sd(r).
        new("empyrical.excess_sharpe(factor_returns=0.0)", m => m.RiskReturnRatio),

        // empyrical cutoff = 1 − c.
        new("empyrical.value_at_risk", (_, t) => t.VarHistorical, Confidence: 0.95),
        new("empyrical.value_at_risk(cutoff=0.01)", (_, t) => t.VarHistorical, Confidence: 0.99),
        new("empyrical.conditional_value_at_risk", (_, t) => t.CvarHistorical, Confidence: 0.95),
        new("empyrical.conditional_value_at_risk(cutoff=0.01)", (_, t) => t.CvarHistorical, Confidence: 0.99),
        new("quantstats.value_at_risk", (_, t) => t.VarGaussian, Confidence: 0.95),
        new("quantstats.value_at_risk(confidence=0.99)", (_, t) => t.VarGaussian, Confidence: 0.99),
        new("quantstats.conditional_value_at_risk", (_, t) => t.CvarQuantstats, Confidence: 0.95),
        new("quantstats.conditional_value_at_risk(confidence=0.99)", (_, t) => t.CvarQuantstats, Confidence: 0.99),
        new("pyfolio.perf_stats.Daily value at risk", (_, t) => t.VarGaussian, Confidence: PyfolioVarConfidence),
        new("quantstats.adjusted_sortino", m => m.AdjustedSortino),
        new("quantstats.autocorr_penalty", m => m.AutocorrPenalty),
        new("quantstats.avg_loss", m => m.AvgLoss),
        new("quantstats.avg_return", m => m.AvgReturn),
        new("quantstats.avg_win", m => m.AvgWin),
        new("quantstats.best", m => m.Best),
        new("quantstats.worst", m => m.Worst),
        new("quantstats.common_sense_ratio", m => m.CommonSenseRatio),
        new("quantstats.consecutive_losses", m => m.ConsecutiveLosses),
        new("quantstats.consecutive_wins", m => m.ConsecutiveWins),
        new("quantstats.cpc_index", m => m.CpcIndex),
        new("quantstats.expected_return", m => m.ExpectedReturn),
        new("quantstats.exposure", m => m.Exposure),
        new("quantstats.gain_to_pain_ratio", m => m.GainToPainRatio),
        new("quantstats.kelly_criterion", m => m.KellyCriterion),
        new("quantstats.kurtosis", m => m.Kurtosis),
        new("quantstats.skew", m => m.Skew),
        new("quantstats.outlier_loss_ratio", m => m.OutlierLossRatio),
        new("quantstats.outlier_win_ratio", m => m.OutlierWinRatio),
        new("quantstats.payoff_ratio", m => m.PayoffRatio),
        new("quantstats.profit_factor", m => m.ProfitFactor),
        new("quantstats.profit_ratio", m => m.ProfitRatio),

        // quantstats.rar has no periods argument: its cagr always annualises with 252.
        new("quantstats.rar", (m, _) => m.Rar, PeriodsPerYear: 252),
        new("quantstats.recovery_factor", m => m.RecoveryFactor),
        new("quantstats.risk_of_ruin", m => m.RiskOfRuin),
        new("quantstats.risk_return_ratio", m => m.RiskReturnRatio),
        new("quantstats.serenity_index", m => m.SerenityIndex),
        new("quantstats.smart_sharpe", m => m.SmartSharpe),
        new("quantstats.smart_sortino", m => m.SmartSortino),
        new("quantstats.ulcer_index", m => m.UlcerIndex),
        new("quantstats.ulcer_performance_index", m => m.UlcerPerformanceIndex),
        new("quantstats.win_rate", m => m.WinRate));

    /// <summary>Keys this kernel does not reproduce directly, each with the reason (and where it is covered instead).</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        ["quantstats.probabilistic_sharpe_ratio"] = "catalogue deviates: QuantStats subtracts 3 from an excess kurtosis; covered by ProbabilisticSharpe_QuantStatsReference_* tests",
        ["quantstats.drawdown_details.count"] = "calendar-day table; covered by DrawdownDetailsReferenceTests",
        ["quantstats.drawdown_details.longest_days"] = "calendar-day table; covered by DrawdownDetailsReferenceTests",
        ["quantstats.drawdown_details.avg_days"] = "calendar-day table; covered by DrawdownDetailsReferenceTests",
        ["quantstats.drawdown_details.avg_drawdown"] = "calendar-day table; covered by DrawdownDetailsReferenceTests",
        ["empyrical.omega_ratio(required_return=-10.0)"] = "required_return ≤ −1 is an annual rf outside MetricParameters' domain (rf > −1, rejected by the engine); empyrical answers NaN",
        ["empyrical.gpd_risk_estimates_aligned"] = "not in the catalogue",
        ["empyrical.roll_sharpe_ratio(window=6)"] = "rolling: RollingMetricKernel (feat/kernel-relative)",
        ["empyrical.alpha"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.alpha_beta"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.beta"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.batting_average"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.beta_fragility_heuristic"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.capture"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.up_capture"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.down_capture"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.up_down_capture"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.up_alpha_beta"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.down_alpha_beta"] = "benchmark-relative (RelativeMetricKernel)",
        ["empyrical.excess_sharpe"] = "benchmark-relative (RelativeMetricKernel)",
        ["pyfolio.perf_stats.Alpha"] = "benchmark-relative (RelativeMetricKernel)",
        ["pyfolio.perf_stats.Beta"] = "benchmark-relative (RelativeMetricKernel)",
        ["quantstats.greeks.alpha"] = "benchmark-relative (RelativeMetricKernel)",
        ["quantstats.greeks.beta"] = "benchmark-relative (RelativeMetricKernel)",
        ["quantstats.information_ratio"] = "benchmark-relative (RelativeMetricKernel)",
        ["quantstats.r_squared"] = "benchmark-relative (RelativeMetricKernel)",
        ["quantstats.treynor_ratio"] = "benchmark-relative (RelativeMetricKernel)",
    };

    private static Dictionary<string, ReferenceMetric> Build(params ReferenceMetric[] metrics) => metrics.ToDictionary(m => m.Key);
}
