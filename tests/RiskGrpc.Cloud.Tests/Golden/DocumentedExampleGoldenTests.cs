using RiskGrpc.Cloud.Tests.Infrastructure;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cloud.Tests.Golden;

/// <summary>
/// The documented 2-asset examples of §5 give the documented weights through the cloud path (mapper → client → fake →
/// validation) and through the local engine. The documented figures are rounded to 4 decimals (§5.3) or exact.
/// </summary>
public sealed class DocumentedExampleGoldenTests
{
    public static TheoryData<string, double, double> Examples => new()
    {
        { "minimum-variance", 0.4, 0.1 },
        { "maximum-sharpe-ratio", 0.2727, 0.7273 },
        { "mean-variance-efficient", 0.5, 0.5 },
        { "equal-risk-contributions", 0.4, 0.6 },
        { "most-diversified", 1.0 / 3, 2.0 / 3 },
    };

    public static TheoryData<string, double, double> LocalExamples => new()
    {
        { "minimum-variance", 0.4, 0.1 },
        { "maximum-sharpe-ratio", 0.2727, 0.7273 },
        { "mean-variance-efficient", 0.5, 0.5 },
        { "most-diversified", 1.0 / 3, 2.0 / 3 },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task CloudPath_DocumentedExample_GivesDocumentedWeights(string endpoint, double w0, double w1)
    {
        await using var harness = await CloudHarness.StartAsync();

        var routed = await harness.AutoAsync(Request(endpoint), CloudRouting.Cloud);

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
        Assert.Equal(string.Empty, routed.FallbackReason);
        Assert.Equal(1, routed.CloudAttempts);
        Assert.Equal(w0, routed.Result.Weights[0], 1e-12);
        Assert.Equal(w1, routed.Result.Weights[1], 1e-12);
        Assert.Equal(endpoint, Assert.Single(harness.Fake.Received).Path);
    }

    [Theory]
    [MemberData(nameof(LocalExamples))]
    public async Task LocalPath_DocumentedExample_GivesDocumentedWeights(string endpoint, double w0, double w1)
    {
        var routed = await HybridPortfolioOptimizer.LocalOnly().OptimizeAsync(Request(endpoint), CloudRouting.Local, DateTime.MaxValue, CancellationToken.None);

        Assert.Equal(OptimizationVenue.Local, routed.Venue);
        // §5.3's figures are the exact 3/11 and 8/11 rounded to 4 decimals; the others are exact.
        var tolerance = endpoint == "maximum-sharpe-ratio" ? 5e-5 : 1e-8;
        Assert.Equal(w0, routed.Result.Weights[0], tolerance);
        Assert.Equal(w1, routed.Result.Weights[1], tolerance);
    }

    [Fact]
    public async Task CloudPath_MaximumSharpe_FiguresComputedLocallyFromCloudWeights()
    {
        await using var harness = await CloudHarness.StartAsync();

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        double[] w = [0.2727, 0.7273];
        var variance = (w[0] * w[0] * 0.05) + (2 * w[0] * w[1] * 0.02) + (w[1] * w[1] * 0.07);
        Assert.Equal(Math.Sqrt(variance), routed.Result.Performance.Volatility, 1e-12);
        Assert.Equal((w[0] * 0.05) + (w[1] * 0.10), routed.Result.Performance.ExpectedReturn, 1e-12);
        Assert.Equal(HybridPortfolioOptimizer.CloudEngine, routed.Result.Engine);
    }

    internal static OptimizationRequest Request(string endpoint) => endpoint switch
    {
        "minimum-variance" => DocumentedRequests.MinimumVariance(),
        "maximum-sharpe-ratio" => DocumentedRequests.MaximumSharpe(),
        "mean-variance-efficient" => DocumentedRequests.MeanVarianceEfficient(),
        "equal-risk-contributions" => DocumentedRequests.EqualRiskContributions(),
        "most-diversified" => DocumentedRequests.MostDiversified(),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };
}
