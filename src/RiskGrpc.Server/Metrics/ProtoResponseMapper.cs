using Google.Protobuf.WellKnownTypes;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using Kernel = RiskGrpc.Kernel;

namespace RiskGrpc.Server.Metrics;

/// <summary>Maps an engine <see cref="MetricsResult"/> to the typed proto response, field by field (no reflection, no LINQ).</summary>
internal static class ProtoResponseMapper
{
    public static ComputeMetricsResponse ToProto(MetricsResult result)
    {
        var response = new ComputeMetricsResponse
        {
            Metrics = ToProto(result.Metrics),
            Observations = (uint)result.Observations,
        };

        if (result.Relative is { } relative)
        {
            response.Relative = ToProto(relative);
        }

        foreach (var t in result.TailRisk)
        {
            response.TailRisk.Add(ToProto(t));
        }

        foreach (var e in result.Drawdowns)
        {
            response.Drawdowns.Add(ToProto(e));
        }

        if (result.Cumulative is { } cumulative)
        {
            response.Cumulative.AddRange(cumulative);
        }

        if (result.Underwater is { } underwater)
        {
            response.Underwater.AddRange(underwater);
        }

        foreach (var r in result.Rolling)
        {
            var series = new RollingSeries { Metric = ToProto(r.Metric), Window = (uint)r.Window };
            series.Values.AddRange(r.Values);
            response.Rolling.Add(series);
        }

        AddPeriods(response.MonthlyReturns, result.Monthly);
        AddPeriods(response.YearlyReturns, result.Yearly);
        return response;
    }

    private static MetricSet ToProto(in Kernel.ReturnMetrics m) => new()
    {
        TotalReturn = m.TotalReturn,
        Cagr = m.Cagr,
        Volatility = m.Volatility,
        Sharpe = m.Sharpe,
        AutocorrPenalty = m.AutocorrPenalty,
        SmartSharpe = m.SmartSharpe,
        DownsideRisk = m.DownsideRisk,
        Sortino = m.Sortino,
        SmartSortino = m.SmartSortino,
        AdjustedSortino = m.AdjustedSortino,
        MaxDrawdown = m.MaxDrawdown,
        Calmar = m.Calmar,
        Omega = m.Omega,
        Stability = m.Stability,
        TailRatio = m.TailRatio,
        Skew = m.Skew,
        SkewBiased = m.SkewBiased,
        Kurtosis = m.Kurtosis,
        KurtosisBiased = m.KurtosisBiased,
        UlcerIndex = m.UlcerIndex,
        UlcerPerformanceIndex = m.UlcerPerformanceIndex,
        SerenityIndex = m.SerenityIndex,
        RecoveryFactor = m.RecoveryFactor,
        WinRate = m.WinRate,
        AvgWin = m.AvgWin,
        AvgLoss = m.AvgLoss,
        AvgReturn = m.AvgReturn,
        PayoffRatio = m.PayoffRatio,
        ProfitFactor = m.ProfitFactor,
        ProfitRatio = m.ProfitRatio,
        GainToPainRatio = m.GainToPainRatio,
        KellyCriterion = m.KellyCriterion,
        RiskOfRuin = m.RiskOfRuin,
        CpcIndex = m.CpcIndex,
        CommonSenseRatio = m.CommonSenseRatio,
        CommonSenseRatioPyfolio = m.CommonSenseRatioPyfolio,
        OutlierWinRatio = m.OutlierWinRatio,
        OutlierLossRatio = m.OutlierLossRatio,
        ExpectedReturn = m.ExpectedReturn,
        Exposure = m.Exposure,
        Rar = m.Rar,
        RiskReturnRatio = m.RiskReturnRatio,
        Best = m.Best,
        Worst = m.Worst,
        ConsecutiveWins = m.ConsecutiveWins,
        ConsecutiveLosses = m.ConsecutiveLosses,
        ProbabilisticSharpeRatio = m.ProbabilisticSharpeRatio,
        DrawdownCount = m.DrawdownCount,
        MaxDrawdownDuration = m.MaxDrawdownDuration,
        AvgDrawdown = m.AvgDrawdown,
        AvgDrawdownDuration = m.AvgDrawdownDuration,
        Mean = m.Mean,
        Stdev = m.Stdev,
    };

    private static RelativeMetrics ToProto(in Kernel.RelativeMetrics m) => new()
    {
        Beta = m.Beta,
        Alpha = m.Alpha,
        AlphaLinear = m.AlphaLinear,
        InformationRatio = m.InformationRatio,
        TrackingError = m.TrackingError,
        Correlation = m.Correlation,
        RSquared = m.RSquared,
        TreynorRatio = m.TreynorRatio,
        Capture = m.Capture,
        UpCapture = m.UpCapture,
        DownCapture = m.DownCapture,
        UpDownCapture = m.UpDownCapture,
        UpAlpha = m.UpAlpha,
        UpBeta = m.UpBeta,
        DownAlpha = m.DownAlpha,
        DownBeta = m.DownBeta,
        BattingAverage = m.BattingAverage,
        BattingAverageUp = m.BattingAverageUp,
        BattingAverageDown = m.BattingAverageDown,
        BetaFragilityHeuristic = m.BetaFragilityHeuristic,
    };

    private static TailRisk ToProto(in Kernel.TailRiskMetrics m) => new()
    {
        Confidence = m.Confidence,
        VarHistorical = m.VarHistorical,
        CvarHistorical = m.CvarHistorical,
        VarGaussian = m.VarGaussian,
        CvarGaussian = m.CvarGaussian,
        VarCornishFisher = m.VarCornishFisher,
        CvarQuantstats = m.CvarQuantstats,
    };

    private static DrawdownEpisode ToProto(in MetricsDrawdownEpisode e) => new()
    {
        PeakIndex = e.PeakIndex,
        ValleyIndex = e.ValleyIndex,
        RecoveryIndex = e.RecoveryIndex,
        Depth = e.Depth,
        Length = e.Length,
        PeakTime = ToTimestamp(e.PeakTime),
        ValleyTime = ToTimestamp(e.ValleyTime),
        RecoveryTime = ToTimestamp(e.RecoveryTime),
    };

    private static RollingMetric ToProto(RollingMetricKind kind) => kind switch
    {
        RollingMetricKind.Sharpe => RollingMetric.Sharpe,
        RollingMetricKind.Volatility => RollingMetric.Volatility,
        RollingMetricKind.Sortino => RollingMetric.Sortino,
        RollingMetricKind.Beta => RollingMetric.Beta,
        RollingMetricKind.MaxDrawdown => RollingMetric.MaxDrawdown,
        _ => throw new InvalidOperationException($"rolling metric {kind} has no proto value"),
    };

    private static Timestamp? ToTimestamp(DateTime? time) => time is { } t ? Timestamp.FromDateTime(t) : null;

    private static void AddPeriods(Google.Protobuf.Collections.RepeatedField<PeriodReturn> destination, Kernel.CalendarPeriodReturn[]? periods)
    {
        if (periods is null)
        {
            return;
        }

        foreach (var p in periods)
        {
            destination.Add(new PeriodReturn { Year = p.Year, Month = p.Month, Value = p.Value });
        }
    }
}
