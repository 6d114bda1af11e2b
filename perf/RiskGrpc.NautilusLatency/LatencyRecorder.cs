using System.Diagnostics;
using System.Globalization;
using System.Text;
using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.NautilusLatency;

/// <summary>
/// Matches each sent entry with the first published risk entry of its portfolio that covers it (source entry id ≥
/// its id: a coalesced entry covers the ones before it) and the first Watch update whose applied sequence reaches the
/// engine event the entry produced. An entry with no covering publication or update is lost.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly (int Portfolio, long Id, ulong EngineSequence, long SentAt)[] _sent;
    private readonly ulong[] _engineSequence;
    private readonly long[] _lastId;
    private readonly List<(long SourceId, long At)>[] _published;
    private readonly List<(ulong Sequence, long At)>[] _watched;
    private readonly PortfolioRiskMessage?[] _lastRisk;
    private int _sentCount;

    public LatencyRecorder(int portfolios, int events)
    {
        _sent = new (int, long, ulong, long)[events];
        _engineSequence = Enumerable.Repeat(1UL, portfolios).ToArray();
        _lastId = new long[portfolios];
        _published = Enumerable.Range(0, portfolios).Select(_ => new List<(long, long)>()).ToArray();
        _watched = Enumerable.Range(0, portfolios).Select(_ => new List<(ulong, long)>()).ToArray();
        _lastRisk = new PortfolioRiskMessage?[portfolios];
        Warmup = 0;
    }

    public int Warmup { get; private set; }

    public int Lost { get; private set; }

    public void OnSent(int k, int portfolio, long id, long at)
    {
        lock (_gate)
        {
            _sent[k] = (portfolio, id, ++_engineSequence[portfolio], at);
            _lastId[portfolio] = id;
            _sentCount = k + 1;
        }
    }

    public void OnPublished(int portfolio, long sourceId, long at, PortfolioRiskMessage risk)
    {
        lock (_gate)
        {
            _published[portfolio].Add((sourceId, at));
            _lastRisk[portfolio] = risk;
        }
    }

    public void OnWatch(int portfolio, ulong sequence, long at)
    {
        lock (_gate)
        {
            _watched[portfolio].Add((sequence, at));
        }
    }

    public bool AllCovered()
    {
        lock (_gate)
        {
            for (var p = 0; p < _lastId.Length; p++)
            {
                if (_published[p].Count == 0 || _published[p][^1].SourceId < _lastId[p] || _watched[p].Count == 0 || _watched[p][^1].Sequence < _engineSequence[p])
                {
                    return false;
                }
            }

            return true;
        }
    }

    public string Report(LatencyOptions options, double sendSeconds, string command)
    {
        Warmup = options.Warmup;
        var redis = new List<double>();
        var grpc = new List<double>();
        int lostRedis = 0, lostGrpc = 0;
        lock (_gate)
        {
            for (var k = Warmup; k < _sentCount; k++)
            {
                var (p, id, sequence, sentAt) = _sent[k];
                var published = _published[p].FirstOrDefault(x => x.SourceId >= id);
                if (published.At == 0)
                {
                    lostRedis++;
                }
                else
                {
                    redis.Add(Stopwatch.GetElapsedTime(sentAt, published.At).TotalMilliseconds);
                }

                var watched = _watched[p].FirstOrDefault(x => x.Sequence >= sequence);
                if (watched.At == 0)
                {
                    lostGrpc++;
                }
                else
                {
                    grpc.Add(Stopwatch.GetElapsedTime(sentAt, watched.At).TotalMilliseconds);
                }
            }

            Lost = lostRedis + lostGrpc;
            var publishedEntries = _published.Sum(l => l.Count);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Nautilus bridge latency ({TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC)");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{options.Count} measured entries (after {options.Warmup} warm-up entries) XADDed at {options.Rate} Hz over {options.Portfolios} portfolios, alternating QuoteTick and PositionChanged per portfolio, {options.Encoding} payloads, {options.Protocol}; sending took {sendSeconds:F2} s. Redis {RedisVersion()} and the server in one process on loopback; published PortfolioRisk entries: {publishedEntries} for {_sentCount + options.Portfolios} bus entries (coalescing).");
            text.AppendLine();
            text.AppendLine("| path | n | p50 ms | p90 ms | p99 ms | max ms | lost |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            text.AppendLine(Row("XADD → PortfolioRisk entry read back from Redis", redis, lostRedis));
            text.AppendLine(Row("XADD → gRPC Watch update", grpc, lostGrpc));
            return text.ToString();
        }
    }

    private static string Row(string name, List<double> values, int lost)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {values.Count} | {Percentile(values, 0.50):F3} | {Percentile(values, 0.90):F3} | {Percentile(values, 0.99):F3} | {(values.Count == 0 ? double.NaN : values[^1]):F3} | {lost} |");
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string RedisVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("redis-server", "--version") { RedirectStandardOutput = true })!;
            var line = process.StandardOutput.ReadLine() ?? string.Empty;
            process.WaitForExit();
            var v = line.IndexOf("v=", StringComparison.Ordinal);
            return v < 0 ? "?" : line[(v + 2)..].Split(' ')[0];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
