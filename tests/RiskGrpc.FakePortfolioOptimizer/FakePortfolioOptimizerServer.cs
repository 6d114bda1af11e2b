using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace RiskGrpc.FakePortfolioOptimizer;

/// <summary>
/// A fake Portfolio Optimizer web API on Kestrel (127.0.0.1, port 0 by default): answers the documented examples of
/// §5 exactly (covariance up to a positive factor), under both the plural and the singular path prefix, and refuses
/// anything else with 400. <see cref="Faults"/> picks a fault per request. Every request is recorded in <see cref="Received"/>.
/// </summary>
public sealed class FakePortfolioOptimizerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeCall> _received = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    private FakePortfolioOptimizerServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The base URL, ending in <c>/v1/</c>, to configure as <c>RiskGrpc:Cloud:BaseUrl</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Chooses the fault of each request; default none.</summary>
    public Func<FakeCall, FakeFault> Faults { get; set; } = _ => FakeFault.None;

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<FakeCall> Received => [.. _received];

    /// <summary>Starts the fake on <paramref name="url"/> (default http://127.0.0.1:0).</summary>
    public static async Task<FakePortfolioOptimizerServer> StartAsync(string url = "http://127.0.0.1:0", ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only the URL given here: an appsettings.json beside the host (a test's, or the server's Kestrel endpoints) must not apply.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var app = builder.Build();
        FakePortfolioOptimizerServer? server = null;
        app.MapPost("/v1/{prefix}/optimization/{**endpoint}", (HttpContext context, string prefix, string endpoint) =>
            prefix is "portfolios" or "portfolio" ? server!.HandleAsync(context, endpoint) : NotFound(context));
        app.MapFallback(NotFound);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First().TrimEnd('/');
        server = new FakePortfolioOptimizerServer(app, new Uri(address + "/v1/"));
        return server;
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM when run as a program).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task NotFound(HttpContext context) => Error(context, 404, "endpoint does not exist");

    private static async Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["message"] = message }).ConfigureAwait(false);
    }

    private static Task Weights(HttpContext context, double[] weights)
    {
        context.Response.ContentType = "application/json";
        var json = "{\"assetsWeights\":[" + string.Join(",", weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture))) + "]}";
        return context.Response.WriteAsync(json);
    }

    private async Task HandleAsync(HttpContext context, string endpoint)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }

        var match = ExampleMatcher.Match(endpoint, body);
        var attempt = _attempts.AddOrUpdate(endpoint + text, 1, (_, n) => n + 1);
        var key = context.Request.Headers.TryGetValue("X-API-Key", out var values) ? values.ToString() : null;
        var call = new FakeCall(endpoint, key, body, match?.Scale ?? double.NaN, attempt);
        _received.Enqueue(call);
        var fault = Faults(call);
        switch (fault.Kind)
        {
            case FakeFaultKind.Latency:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                break;
            case FakeFaultKind.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                return;
            case FakeFaultKind.InternalError:
                await Error(context, 500, "internal error").ConfigureAwait(false);
                return;
            case FakeFaultKind.BadGateway:
                await Error(context, 502, "temporary connectivity error").ConfigureAwait(false);
                return;
            case FakeFaultKind.RateLimitedWithHeaders:
                var reset = ((int)Math.Ceiling(fault.Delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["x-ratelimit-limit-second"] = "1";
                context.Response.Headers["x-ratelimit-remaining-second"] = "0";
                context.Response.Headers["ratelimit-limit"] = "1";
                context.Response.Headers["ratelimit-remaining"] = "0";
                context.Response.Headers["ratelimit-reset"] = reset;
                await Error(context, 429, "API limits violated").ConfigureAwait(false);
                return;
            case FakeFaultKind.RateLimitedRetryAfter:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.Delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Error(context, 429, "API limits violated").ConfigureAwait(false);
                return;
            case FakeFaultKind.RateLimitedBare:
                await Error(context, 429, "API limits violated").ConfigureAwait(false);
                return;
            case FakeFaultKind.BadRequest:
                await Error(context, 400, "incorrect content").ConfigureAwait(false);
                return;
            case FakeFaultKind.Unauthorized:
                await Error(context, 401, "invalid API key").ConfigureAwait(false);
                return;
            case FakeFaultKind.NotFound:
                await NotFound(context).ConfigureAwait(false);
                return;
            case FakeFaultKind.ConnectionReset:
                context.Abort();
                return;
        }

        if (match is not { } m)
        {
            await Error(context, 400, "the fake answers only the documented examples of the API notes, section 5").ConfigureAwait(false);
            return;
        }

        var weights = m.Example.Weights;
        switch (fault.Kind)
        {
            case FakeFaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"assetsWeights\":[0.4,").ConfigureAwait(false);
                return;
            case FakeFaultKind.WrongLength:
                await Weights(context, [.. weights, 0]).ConfigureAwait(false);
                return;
            case FakeFaultKind.OutOfBounds:
                await Weights(context, [.. weights.Select((w, i) => i == 0 ? w + 1 : w - (1.0 / (weights.Length - 1)))]).ConfigureAwait(false);
                return;
            case FakeFaultKind.Divergent:
                await Weights(context, [.. weights.Select(_ => m.Example.Exposure / weights.Length)]).ConfigureAwait(false);
                return;
            default:
                await Weights(context, weights).ConfigureAwait(false);
                return;
        }
    }
}
