using Google.Protobuf;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports;
using RiskGrpc.Reports.Pdf;

namespace RiskGrpc.Server.Reports;

/// <summary>
/// <c>riskgrpc.v1.ReportService</c>: renders the report on the metrics engine and streams the document in chunks.
/// The engine enforces the series-length limit. Validation errors surface as <see cref="MetricsValidationException"/> (INVALID_ARGUMENT via the error interceptor).
/// </summary>
internal sealed class ReportGrpcService(ReportRenderer renderer, LiveRiskViewSource live) : ReportService.ReportServiceBase
{
    private static readonly TimeSpan PdfTimeout = TimeSpan.FromMinutes(2);

    public override async Task RenderReport(RenderReportRequest request, IServerStreamWriter<RenderReportResponse> responseStream, ServerCallContext context)
    {
        var input = ReportRequestMapper.ToInput(request);
        if (request.LivePortfolioId.Length > 0)
        {
            var view = await live.ReadAsync(request.LivePortfolioId, context.CancellationToken).ConfigureAwait(false);
            input = view is null ? input.WithLiveRisk(null, request.LivePortfolioId) : input.WithLiveRisk(view, null);
        }

        var format = request.Format == ReportFormat.Unspecified ? ReportFormat.Html : request.Format;
        var documents = renderer.Render(input, html: format != ReportFormat.Json, json: format == ReportFormat.Json);
        byte[] bytes;
        string contentType;
        switch (format)
        {
            case ReportFormat.Json:
                (bytes, contentType) = (documents.Json!, "application/json");
                break;
            case ReportFormat.Pdf:
                try
                {
                    bytes = await ChromiumPdfPrinter.PrintAsync(documents.Html!, PdfTimeout, context.CancellationToken).ConfigureAwait(false);
                }
                catch (ChromiumNotFoundException ex)
                {
                    throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
                }

                contentType = "application/pdf";
                break;
            default:
                (bytes, contentType) = (documents.Html!, "text/html; charset=utf-8");
                break;
        }

        var chunk = request.ChunkSize == 0 ? ReportRequestMapper.DefaultChunkSize : (int)request.ChunkSize;
        for (int offset = 0, index = 0; offset < bytes.Length || index == 0; offset += chunk, index++)
        {
            var length = Math.Min(chunk, bytes.Length - offset);
            var response = new RenderReportResponse { Index = (uint)index, Data = ByteString.CopyFrom(bytes, offset, length) };
            if (index == 0)
            {
                response.ContentType = contentType;
                response.TotalSize = (ulong)bytes.Length;
            }

            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
