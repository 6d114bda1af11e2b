using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports;

namespace RiskGrpc.Server.Reports;

/// <summary>Maps <see cref="RenderReportRequest"/> to a <see cref="ReportInput"/>, rejecting what the engine does not check.</summary>
internal static class ReportRequestMapper
{
    /// <summary>The largest chunk a client may ask for.</summary>
    public const int MaxChunkSize = 4 * 1024 * 1024;

    /// <summary>The chunk size used when the request leaves it 0.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>The input, or a <see cref="MetricsValidationException"/> naming the bad field.</summary>
    public static ReportInput ToInput(RenderReportRequest request)
    {
        if (request.Confidence != 0 && !(request.Confidence > 0 && request.Confidence < 1))
        {
            throw new MetricsValidationException("confidence", "must be in (0, 1) (0 means 0.95)");
        }

        if (request.ChunkSize > MaxChunkSize)
        {
            throw new MetricsValidationException("chunk_size", $"must be at most {MaxChunkSize} bytes (0 means {DefaultChunkSize})");
        }

        if (!Enum.IsDefined(request.Format))
        {
            throw new MetricsValidationException("format", $"unknown report format {(int)request.Format}");
        }

        if (request.LivePortfolioId.Length > 128)
        {
            throw new MetricsValidationException("live_portfolio_id", "must be 1 to 128 characters");
        }

        if (!Enum.IsDefined(request.NanPolicy))
        {
            throw new MetricsValidationException("nan_policy", $"unknown NaN policy {(int)request.NanPolicy}");
        }

        DateTime[]? dates = null;
        if (request.Timestamps.Count > 0)
        {
            dates = new DateTime[request.Timestamps.Count];
            for (var i = 0; i < dates.Length; i++)
            {
                dates[i] = request.Timestamps[i].ToDateTime();
            }
        }

        return new ReportInput
        {
            Title = request.Title.Length > 0 ? request.Title : "Strategy tearsheet",
            StrategyName = request.StrategyName.Length > 0 ? request.StrategyName : "Strategy",
            BenchmarkName = request.BenchmarkName.Length > 0 ? request.BenchmarkName : "Benchmark",
            Returns = [.. request.Returns],
            Benchmark = request.Benchmark.Count > 0 ? [.. request.Benchmark] : null,
            Dates = dates,
            PeriodsPerYear = request.PeriodsPerYear,
            RiskFreeRate = request.RiskFreeRate,
            NanPolicy = request.NanPolicy switch
            {
                NanPolicy.Skip => MetricsNanPolicy.Skip,
                NanPolicy.Zero => MetricsNanPolicy.Zero,
                _ => MetricsNanPolicy.Reject,
            },
            Confidence = request.Confidence == 0 ? MetricsRequest.DefaultConfidence : request.Confidence,
        };
    }
}
