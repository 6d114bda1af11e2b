using Microsoft.AspNetCore.Http.Features;

namespace RiskGrpc.Server.Hosting;

/// <summary>
/// Kestrel caps a whole request body (30 MB by default). A gRPC request is a stream of length-prefixed messages, each
/// capped by <c>RiskGrpc:MaxReceiveMessageSize</c>, and a live stream may carry far more than any cap over its life;
/// so gRPC requests get no total cap, while every other request (REST/JSON) is capped at the message size.
/// </summary>
internal static class RequestBodyLimits
{
    public static IApplicationBuilder UseGrpcRequestBodyLimits(this IApplicationBuilder app, long otherRequestsLimit) => app.Use((context, next) =>
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true
                ? null
                : otherRequestsLimit;
        }

        return next(context);
    });
}
