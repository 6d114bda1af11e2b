using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using RiskGrpc.Cloud;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>
/// The fallback path's added cost: an AUTO call while the cloud is down and the circuit open, against a LOCAL call
/// through the same router (the baseline). Target: ratio ≤ 1.2. The cloud is a closed port on 127.0.0.1; setup trips
/// the circuit (two refused connections) and checks that AUTO then answers locally with reason circuit_open.
/// </summary>
public class HybridFallbackBenchmarks
{
    private ServiceProvider? _services;
    private HybridPortfolioOptimizer? _hybrid;
    private OptimizationRequest _request = new() { Assets = [] };

    /// <summary>Number of assets.</summary>
    [Params(8, 20, 64)]
    public int Assets { get; set; }

    /// <summary>Optimization method.</summary>
    [Params(OptimizationMethod.MinVolatility, OptimizationMethod.MaxSharpe)]
    public OptimizationMethod Method { get; set; }

    /// <summary>Builds the router against a closed port, opens its circuit and checks both paths.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (mu, cov, _) = SyntheticMarket.Create(Assets);
        _request = new OptimizationRequest
        {
            Assets = [.. Enumerable.Range(0, Assets).Select(i => $"A{i}")],
            ExpectedReturns = mu,
            Covariance = cov,
            Method = Method,
            RiskFreeRate = 0.02,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHybridPortfolioOptimizer(new CloudOptimizerOptions
        {
            Enabled = true,
            BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/v1/"),
            MaxAssets = 100,
            MaxRetries = 0,
            CircuitMinimumThroughput = 2,
            CircuitBreakDuration = TimeSpan.FromHours(1),
        });
        _services = services.BuildServiceProvider();
        _hybrid = _services.GetRequiredService<HybridPortfolioOptimizer>();
        for (var i = 0; i < 2; i++)
        {
            var tripped = Auto();
            if (tripped.FallbackReason != FallbackReasons.CloudUnreachable)
            {
                throw new InvalidOperationException($"expected cloud_unreachable while tripping the circuit, got '{tripped.FallbackReason}'");
            }
        }

        var open = Auto();
        var local = Local();
        if (open.FallbackReason != FallbackReasons.CircuitOpen || open.CloudAttempts != 0
            || open.Result.Weights.Zip(local.Result.Weights).Any(p => Math.Abs(p.First - p.Second) > 1e-12))
        {
            throw new InvalidOperationException($"AUTO with the circuit open gave '{open.FallbackReason}' or weights different from LOCAL");
        }
    }

    /// <summary>Disposes the router's container.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    /// <summary>LOCAL routing.</summary>
    [Benchmark(Baseline = true)]
    public HybridOptimizationResult Local() =>
        _hybrid!.OptimizeAsync(_request, CloudRouting.Local, DateTime.MaxValue, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>AUTO routing with the cloud down and the circuit open.</summary>
    [Benchmark]
    public HybridOptimizationResult Auto() =>
        _hybrid!.OptimizeAsync(_request, CloudRouting.Auto, DateTime.MaxValue, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>A port nothing listens on: bind, read the port, close.</summary>
    private static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
