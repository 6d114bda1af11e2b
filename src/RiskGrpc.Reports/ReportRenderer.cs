using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports.Html;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports;

/// <summary>
/// Turns returns into report documents: the JSON (the <see cref="ReportModel"/>), the self-contained HTML (charts,
/// tables and the same JSON embedded) or both. Thread-safe; one instance per process.
/// </summary>
public sealed class ReportRenderer(IMetricsEngine engine)
{
    private readonly ReportBuilder builder = new(engine);

    /// <summary>Builds the report and renders the requested documents (null when not requested).</summary>
    /// <exception cref="MetricsValidationException">The input is invalid for the metrics API.</exception>
    public ReportDocuments Render(ReportInput input, bool html = true, bool json = true)
    {
        var content = builder.Build(input);
        var jsonBytes = ReportJson.Serialize(content.Model);
        var page = html ? ReportHtmlWriter.WriteUtf8(content, jsonBytes) : null;
        return new ReportDocuments(content.Model, page, json ? jsonBytes : null);
    }
}
