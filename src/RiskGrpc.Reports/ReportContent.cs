using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports;

/// <summary>A built report: the <see cref="ReportModel"/> (what JSON holds) and the per-row series its charts draw.</summary>
public sealed class ReportContent
{
    internal ReportContent(ReportModel model, ReportSeries series)
    {
        Model = model;
        Series = series;
    }

    /// <summary>Scalars and tables.</summary>
    public ReportModel Model { get; }

    internal ReportSeries Series { get; }
}
