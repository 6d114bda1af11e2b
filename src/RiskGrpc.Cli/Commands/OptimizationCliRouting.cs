using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGrpc.Cloud;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>--routing local|cloud|auto</c> for <c>optimize</c>: the same hybrid optimizer as the server, its cloud at
/// <c>--cloud-url</c> (default the Portfolio Optimizer service) with the key from PORTFOLIO_OPTIMIZER_API_KEY, and the
/// venue, fallback reason and attempts printed after the result.
/// </summary>
internal static class OptimizationCliRouting
{
    public static HybridOptimizationResult Optimize(OptimizationCliArguments a, OptimizationRequest request)
    {
        var routing = a.Value("--routing") switch
        {
            "local" => CloudRouting.Local,
            "cloud" => CloudRouting.Cloud,
            "auto" => CloudRouting.Auto,
            var other => throw OptimizationCliArguments.Bad($"--routing must be local, cloud or auto; got '{other}'"),
        };
        var options = new CloudOptimizerOptions { Enabled = routing != CloudRouting.Local };
        if (a.Value("--cloud-url") is { } url)
        {
            options.BaseUrl = Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) ? uri : throw OptimizationCliArguments.Bad($"--cloud-url '{url}' is not an absolute URL");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHybridPortfolioOptimizer(options);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<HybridPortfolioOptimizer>()
            .OptimizeAsync(request, routing, DateTime.MaxValue, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public static void WriteTable(TextWriter stdout, HybridOptimizationResult routed) =>
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"venue {Venue(routed)}, fallback {(routed.FallbackReason.Length == 0 ? "none" : routed.FallbackReason)}, cloud attempts {routed.CloudAttempts}"));

    public static void WriteJson(Utf8JsonWriter w, HybridOptimizationResult routed)
    {
        w.WriteString("served_by", Venue(routed));
        w.WriteString("fallback_reason", routed.FallbackReason);
        w.WriteNumber("cloud_attempts", routed.CloudAttempts);
    }

    private static string Venue(HybridOptimizationResult routed) => routed.Venue == OptimizationVenue.Cloud ? "cloud" : "local";
}
