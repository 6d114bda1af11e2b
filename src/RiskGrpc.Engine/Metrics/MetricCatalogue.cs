using RiskGrpc.Kernel;

namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// The metric catalogue by name: every scalar with its snake_case name exactly as docs/metrics.md and the proto field
/// names spell it, in proto field order. Front ends that print or serialise metrics by name (CLI JSON, tables) use it.
/// </summary>
public static class MetricCatalogue
{
    /// <summary>Returns-only scalars.</summary>
    public static IReadOnlyList<MetricField<ReturnMetrics>> Returns { get; } =
    [
        new("total_return", static (in ReturnMetrics m) => m.TotalReturn),
        new("cagr", static (in ReturnMetrics m) => m.Cagr),
        new("volatility", static (in ReturnMetrics m) => m.Volatility),
        new("sharpe", static (in ReturnMetrics m) => m.Sharpe),
        new("autocorr_penalty", static (in ReturnMetrics m) => m.AutocorrPenalty),
        new("smart_sharpe", static (in ReturnMetrics m) => m.SmartSharpe),
        new("downside_risk", static (in ReturnMetrics m) => m.DownsideRisk),
        new("sortino", static (in ReturnMetrics m) => m.Sortino),
        new("smart_sortino", static (in ReturnMetrics m) => m.SmartSortino),
        new("adjusted_sortino", static (in ReturnMetrics m) => m.AdjustedSortino),
        new("max_drawdown", static (in ReturnMetrics m) => m.MaxDrawdown),
        new("calmar", static (in ReturnMetrics m) => m.Calmar),
        new("omega", static (in ReturnMetrics m) => m.Omega),
        new("stability", static (in ReturnMetrics m) => m.Stability),
        new("tail_ratio", static (in ReturnMetrics m) => m.TailRatio),
        new("skew", static (in ReturnMetrics m) => m.Skew),
        new("skew_biased", static (in ReturnMetrics m) => m.SkewBiased),
        new("kurtosis", static (in ReturnMetrics m) => m.Kurtosis),
        new("kurtosis_biased", static (in ReturnMetrics m) => m.KurtosisBiased),
        new("ulcer_index", static (in ReturnMetrics m) => m.UlcerIndex),
        new("ulcer_performance_index", static (in ReturnMetrics m) => m.UlcerPerformanceIndex),
        new("serenity_index", static (in ReturnMetrics m) => m.SerenityIndex),
        new("recovery_factor", static (in ReturnMetrics m) => m.RecoveryFactor),
        new("win_rate", static (in ReturnMetrics m) => m.WinRate),
        new("avg_win", static (in ReturnMetrics m) => m.AvgWin),
        new("avg_loss", static (in ReturnMetrics m) => m.AvgLoss),
        new("avg_return", static (in ReturnMetrics m) => m.AvgReturn),
        new("payoff_ratio", static (in ReturnMetrics m) => m.PayoffRatio),
        new("profit_factor", static (in ReturnMetrics m) => m.ProfitFactor),
        new("profit_ratio", static (in ReturnMetrics m) => m.ProfitRatio),
        new("gain_to_pain_ratio", static (in ReturnMetrics m) => m.GainToPainRatio),
        new("kelly_criterion", static (in ReturnMetrics m) => m.KellyCriterion),
        new("risk_of_ruin", static (in ReturnMetrics m) => m.RiskOfRuin),
        new("cpc_index", static (in ReturnMetrics m) => m.CpcIndex),
        new("common_sense_ratio", static (in ReturnMetrics m) => m.CommonSenseRatio),
        new("common_sense_ratio_pyfolio", static (in ReturnMetrics m) => m.CommonSenseRatioPyfolio),
        new("outlier_win_ratio", static (in ReturnMetrics m) => m.OutlierWinRatio),
        new("outlier_loss_ratio", static (in ReturnMetrics m) => m.OutlierLossRatio),
        new("expected_return", static (in ReturnMetrics m) => m.ExpectedReturn),
        new("exposure", static (in ReturnMetrics m) => m.Exposure),
        new("rar", static (in ReturnMetrics m) => m.Rar),
        new("risk_return_ratio", static (in ReturnMetrics m) => m.RiskReturnRatio),
        new("best", static (in ReturnMetrics m) => m.Best),
        new("worst", static (in ReturnMetrics m) => m.Worst),
        new("consecutive_wins", static (in ReturnMetrics m) => m.ConsecutiveWins),
        new("consecutive_losses", static (in ReturnMetrics m) => m.ConsecutiveLosses),
        new("probabilistic_sharpe_ratio", static (in ReturnMetrics m) => m.ProbabilisticSharpeRatio),
        new("drawdown_count", static (in ReturnMetrics m) => m.DrawdownCount),
        new("max_drawdown_duration", static (in ReturnMetrics m) => m.MaxDrawdownDuration),
        new("avg_drawdown", static (in ReturnMetrics m) => m.AvgDrawdown),
        new("avg_drawdown_duration", static (in ReturnMetrics m) => m.AvgDrawdownDuration),
        new("mean", static (in ReturnMetrics m) => m.Mean),
        new("stdev", static (in ReturnMetrics m) => m.Stdev),
    ];

    /// <summary>Benchmark-relative scalars.</summary>
    public static IReadOnlyList<MetricField<RelativeMetrics>> Relative { get; } =
    [
        new("beta", static (in RelativeMetrics m) => m.Beta),
        new("alpha", static (in RelativeMetrics m) => m.Alpha),
        new("alpha_linear", static (in RelativeMetrics m) => m.AlphaLinear),
        new("information_ratio", static (in RelativeMetrics m) => m.InformationRatio),
        new("tracking_error", static (in RelativeMetrics m) => m.TrackingError),
        new("correlation", static (in RelativeMetrics m) => m.Correlation),
        new("r_squared", static (in RelativeMetrics m) => m.RSquared),
        new("treynor_ratio", static (in RelativeMetrics m) => m.TreynorRatio),
        new("capture", static (in RelativeMetrics m) => m.Capture),
        new("up_capture", static (in RelativeMetrics m) => m.UpCapture),
        new("down_capture", static (in RelativeMetrics m) => m.DownCapture),
        new("up_down_capture", static (in RelativeMetrics m) => m.UpDownCapture),
        new("up_alpha", static (in RelativeMetrics m) => m.UpAlpha),
        new("up_beta", static (in RelativeMetrics m) => m.UpBeta),
        new("down_alpha", static (in RelativeMetrics m) => m.DownAlpha),
        new("down_beta", static (in RelativeMetrics m) => m.DownBeta),
        new("batting_average", static (in RelativeMetrics m) => m.BattingAverage),
        new("batting_average_up", static (in RelativeMetrics m) => m.BattingAverageUp),
        new("batting_average_down", static (in RelativeMetrics m) => m.BattingAverageDown),
        new("beta_fragility_heuristic", static (in RelativeMetrics m) => m.BetaFragilityHeuristic),
    ];

    /// <summary>Tail-risk scalars at one confidence level (without the level itself).</summary>
    public static IReadOnlyList<MetricField<TailRiskMetrics>> TailRisk { get; } =
    [
        new("var_historical", static (in TailRiskMetrics m) => m.VarHistorical),
        new("cvar_historical", static (in TailRiskMetrics m) => m.CvarHistorical),
        new("var_gaussian", static (in TailRiskMetrics m) => m.VarGaussian),
        new("cvar_gaussian", static (in TailRiskMetrics m) => m.CvarGaussian),
        new("var_cornish_fisher", static (in TailRiskMetrics m) => m.VarCornishFisher),
        new("cvar_quantstats", static (in TailRiskMetrics m) => m.CvarQuantstats),
    ];
}
