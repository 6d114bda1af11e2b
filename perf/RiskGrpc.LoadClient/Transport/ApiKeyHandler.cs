using System.Net.Http;

namespace RiskGrpc.LoadClient.Transport;

/// <summary>Adds <c>x-api-key</c> to every request (the key comes from the environment, never from arguments or output).</summary>
internal sealed class ApiKeyHandler(string key) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("x-api-key", key);
        return base.SendAsync(request, cancellationToken);
    }
}
