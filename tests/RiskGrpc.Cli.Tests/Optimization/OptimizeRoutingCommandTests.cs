using System.Text.Json;
using RiskGrpc.FakePortfolioOptimizer;
using RiskGrpc.TestUtils;
using Xunit;

namespace RiskGrpc.Cli.Tests.Optimization;

/// <summary><c>optimize --routing local|cloud|auto</c> against the fake Portfolio Optimizer: venue and fallback reason are printed.</summary>
public sealed class OptimizeRoutingCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("riskgrpc-route-cli").FullName;
    private FakePortfolioOptimizerServer? _fake;

    private FakePortfolioOptimizerServer Fake => _fake ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        _fake = await FakePortfolioOptimizerServer.StartAsync().DefaultTimeout();
        // §5.3's documented maximum-Sharpe example.
        await File.WriteAllTextAsync(Path.Combine(_dir, "mu.csv"), "asset,value\nA,0.05\nB,0.10\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "cov.csv"), ",A,B\nA,0.05,0.02\nB,0.02,0.07\n");
    }

    public async ValueTask DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private (int Code, string Out, string Err) Run(params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["optimize", "--expected-returns", Path.Combine(_dir, "mu.csv"), "--covariance", Path.Combine(_dir, "cov.csv"), "--method", "max-sharpe", .. extra];
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Optimize_RoutingLocal_PrintsLocalVenue()
    {
        var (code, output, err) = Run("--routing", "local");

        Assert.True(code == 0, err);
        Assert.Contains("venue local, fallback none, cloud attempts 0", output, StringComparison.Ordinal);
        Assert.Empty(Fake.Received);
    }

    [Fact]
    public void Optimize_RoutingAutoJson_ServedByCloudWithDocumentedWeights()
    {
        var (code, output, err) = Run("--routing", "auto", "--cloud-url", Fake.BaseAddress.ToString(), "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("cloud", json.RootElement.GetProperty("served_by").GetString());
        Assert.Equal(string.Empty, json.RootElement.GetProperty("fallback_reason").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("cloud_attempts").GetInt32());
        Assert.Equal(0.2727, json.RootElement.GetProperty("weights").GetProperty("A").GetDouble());
    }

    [Fact]
    public void Optimize_RoutingAutoCloudReturns404_FallsBackAndSaysWhy()
    {
        Fake.Faults = _ => FakeFault.Of(FakeFaultKind.NotFound);

        var (code, output, err) = Run("--routing", "auto", "--cloud-url", Fake.BaseAddress.ToString());

        Assert.True(code == 0, err);
        Assert.Contains("venue local, fallback cloud_not_found, cloud attempts 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_RoutingCloudCloudFails_ExitsThreeWithReason()
    {
        Fake.Faults = _ => FakeFault.Of(FakeFaultKind.WrongLength);

        var (code, _, err) = Run("--routing", "cloud", "--cloud-url", Fake.BaseAddress.ToString());

        Assert.Equal(3, code);
        Assert.Contains("cloud_invalid_answer", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_UnknownRouting_ExitsTwo()
    {
        var (code, _, err) = Run("--routing", "sideways");

        Assert.Equal(2, code);
        Assert.Contains("--routing", err, StringComparison.Ordinal);
    }
}
