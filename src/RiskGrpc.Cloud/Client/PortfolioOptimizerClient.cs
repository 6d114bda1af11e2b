using System.Net.Http.Headers;
using System.Text.Json;

namespace RiskGrpc.Cloud;

/// <summary>
/// Typed <see cref="HttpClient"/> of the Portfolio Optimizer optimization endpoints: posts the JSON body of a
/// <see cref="CloudOptimizationRequest"/> and reads <c>assetsWeights</c>. The resilience pipeline (timeouts, retry,
/// circuit breaker, rate limiter) sits in the client's handler chain; the API key header is set on the client.
/// Non-success statuses and malformed bodies throw <see cref="CloudCallException"/> with the reason code.
/// </summary>
public sealed class PortfolioOptimizerClient
{
    private const int MaxErrorBodyChars = 300;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly CloudEndpointPaths _paths;

    /// <summary>Creates the client over <paramref name="http"/> (base address and key set by the factory).</summary>
    public PortfolioOptimizerClient(HttpClient http, CloudOptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _paths = options.Paths;
    }

    /// <summary>Posts <paramref name="request"/> and returns the raw weights (not yet validated).</summary>
    public async Task<double[]> OptimizeAsync(CloudOptimizationRequest request, CloudAttemptTracker tracker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tracker);
        var path = _paths.For(request.Endpoint);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        message.Content = new ByteArrayContent(CloudRequestJson.ToUtf8(request)) { Headers = { ContentType = Json } };
        message.Options.Set(CloudAttemptTracker.Key, tracker);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CloudCallException(
                CloudCallException.ReasonOf(response.StatusCode),
                $"HTTP {(int)response.StatusCode} from {path}: {Excerpt(body)}",
                response.StatusCode);
        }

        return ReadWeights(body, path);
    }

    /// <summary>Reads <c>{"assetsWeights": [numbers]}</c>; anything else is <see cref="FallbackReasons.CloudInvalidAnswer"/>.</summary>
    internal static double[] ReadWeights(ReadOnlySpan<byte> body, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("assetsWeights", out var weights)
                || weights.ValueKind != JsonValueKind.Array)
            {
                throw new CloudCallException(FallbackReasons.CloudInvalidAnswer, $"the answer of {path} has no assetsWeights array");
            }

            var result = new double[weights.GetArrayLength()];
            for (var i = 0; i < result.Length; i++)
            {
                var w = weights[i];
                result[i] = w.ValueKind == JsonValueKind.Number
                    ? w.GetDouble()
                    : throw new CloudCallException(FallbackReasons.CloudInvalidAnswer, $"assetsWeights[{i}] of {path} is not a number");
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new CloudCallException(FallbackReasons.CloudInvalidAnswer, $"the answer of {path} is not JSON", null, ex);
        }
    }

    /// <summary>The service's error body tolerantly: <c>message</c>, <c>error</c> or <c>detail</c> (§3.3), else the raw start.</summary>
    private static string Excerpt(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var name in (string[])["message", "error", "detail"])
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return Truncate(text.GetString() ?? string.Empty);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw start of the body is the best explanation there is.
        }

        return Truncate(System.Text.Encoding.UTF8.GetString(body));
    }

    private static string Truncate(string text) => text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars] + "…";
}
