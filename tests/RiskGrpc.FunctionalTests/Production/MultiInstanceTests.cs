using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Production;

/// <summary>
/// Compute RPCs are stateless: three server processes behind grpc-dotnet's client-side round-robin balancing serve
/// every call, and killing one mid-run loses no call that has a retry policy for UNAVAILABLE.
/// </summary>
public sealed partial class MultiInstanceTests
{
    [GeneratedRegex(@"Grpc listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex GrpcLine();

    [GeneratedRegex(@"Http listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex HttpLine();

    private sealed class ServerProcess : IDisposable
    {
        private ServerProcess(Process process, Uri grpc, Uri http)
        {
            Process = process;
            Grpc = grpc;
            Http = http;
        }

        public Process Process { get; }

        public Uri Grpc { get; }

        public Uri Http { get; }

        public static async Task<ServerProcess> StartAsync(CancellationToken ct)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "RiskGrpc.Server.dll");
            var info = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { dll, "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
            string? grpc = null, http = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while ((grpc is null || http is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                grpc ??= GrpcLine().Match(line) is { Success: true } g ? g.Groups[1].Value : null;
                http ??= HttpLine().Match(line) is { Success: true } h ? h.Groups[1].Value : null;
            }

            if (grpc is null || http is null)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("the server did not report its endpoints");
            }

            // Keep draining output so the child never blocks on a full pipe.
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            return new ServerProcess(process, new Uri(grpc), new Uri(http));
        }

        public async Task<double> SeriesComputedAsync(CancellationToken ct)
        {
            using var http = new HttpClient { BaseAddress = Http };
            var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct);
            var match = Regex.Match(text, @"(?m)^riskgrpc_metrics_series_computed_total(?:\{[^}]*\})? (\S+)");
            return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }

    [Fact]
    public async Task RoundRobinOverThreeProcesses_LosesNoCallWhenOneIsKilled()
    {
        var ct = TestContext.Current.CancellationToken;
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartAsync(ct)));
        try
        {
            var factory = new StaticResolverFactory(_ => servers.Select(s => new BalancerAddress(s.Grpc.Host, s.Grpc.Port)));
            var services = new ServiceCollection().AddSingleton<ResolverFactory>(factory).BuildServiceProvider();
            using var channel = GrpcChannel.ForAddress("static:///riskgrpc", new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Insecure,
                ServiceProvider = services,
                ServiceConfig = new ServiceConfig
                {
                    LoadBalancingConfigs = { new RoundRobinConfig() },
                    MethodConfigs =
                    {
                        new MethodConfig
                        {
                            Names = { MethodName.Default },
                            RetryPolicy = new RetryPolicy
                            {
                                MaxAttempts = 5,
                                InitialBackoff = TimeSpan.FromMilliseconds(50),
                                MaxBackoff = TimeSpan.FromMilliseconds(500),
                                BackoffMultiplier = 2,
                                RetryableStatusCodes = { StatusCode.Unavailable },
                            },
                        },
                    },
                },
            });
            var client = new MetricsService.MetricsServiceClient(channel);
            var request = new ComputeMetricsRequest { Returns = { TestSeries.Returns(seed: 4, n: 252) } };
            var expected = (await client.ComputeMetricsAsync(request, cancellationToken: ct)).Metrics.Sharpe;

            var completed = 0;
            var failures = new List<Exception>();
            async Task Worker(int calls)
            {
                for (var i = 0; i < calls; i++)
                {
                    try
                    {
                        var reply = await client.ComputeMetricsAsync(request, cancellationToken: ct);
                        Assert.Equal(expected, reply.Metrics.Sharpe);
                        Interlocked.Increment(ref completed);
                    }
                    catch (Exception ex) when (ex is RpcException or Xunit.Sdk.XunitException)
                    {
                        lock (failures)
                        {
                            failures.Add(ex);
                        }
                    }
                }
            }

            var first = Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Worker(50)));
            while (Volatile.Read(ref completed) < 150)
            {
                await Task.Delay(5, ct);
            }

            var before = await Task.WhenAll(servers.Select(s => s.SeriesComputedAsync(ct)));
            Assert.All(before, served => Assert.True(served > 0, "round robin reached every process"));
            servers[1].Process.Kill(entireProcessTree: true);
            await first;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Worker(25)));

            Assert.Empty(failures);
            Assert.Equal(600, completed);
            // The scrape is cached briefly by the exporter: poll until the survivors' counts move past their earlier values.
            var survivors = new[] { servers[0], servers[2] };
            var after = 0.0;
            for (var attempt = 0; attempt < 40 && after <= before[0] + before[2]; attempt++)
            {
                after = (await Task.WhenAll(survivors.Select(s => s.SeriesComputedAsync(ct)))).Sum();
                if (after <= before[0] + before[2])
                {
                    await Task.Delay(100, ct);
                }
            }

            Assert.True(after > before[0] + before[2], "the survivors took over");
        }
        finally
        {
            foreach (var s in servers)
            {
                s.Dispose();
            }
        }
    }
}
