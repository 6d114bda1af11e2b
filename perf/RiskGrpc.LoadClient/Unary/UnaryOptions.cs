using System.Globalization;
using RiskGrpc.LoadClient.Cli;
using RiskGrpc.LoadClient.Load;

namespace RiskGrpc.LoadClient.Unary;

/// <summary>Options of the <c>unary</c> and <c>compare</c> commands.</summary>
internal sealed record UnaryOptions
{
    /// <summary>Default target: the server's <c>Grpc</c> endpoint.</summary>
    public const string DefaultTarget = "http://127.0.0.1:5051";

    /// <summary>Measured duration when neither <c>--duration</c> nor <c>--total</c> is given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on the measured duration when only <c>--total</c> is given, so a run always ends.</summary>
    public static readonly TimeSpan TotalOnlyDurationCap = TimeSpan.FromSeconds(60);

    /// <summary>Shared option help, one line.</summary>
    public const string OptionsUsage =
        "[--target http://127.0.0.1:5051] [--concurrency 16] [--connections 1] [--duration 10s] [--warmup 2s] " +
        "[--total N] [--returns 252] [--batch-size 100] [--seed 42] [--timeout 20s] [--format summary|json] [--json-out FILE] [--server-pid PID]";

    public Uri Target { get; init; } = new(DefaultTarget);

    public string Call { get; init; } = "metrics";

    public int Concurrency { get; init; } = 16;

    public int Connections { get; init; } = 1;

    public TimeSpan Duration { get; init; } = DefaultDuration;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    public long Total { get; init; }

    public int Returns { get; init; } = 252;

    public int BatchSize { get; init; } = 100;

    public int Seed { get; init; } = ReturnSeries.DefaultSeed;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public string Format { get; init; } = "summary";

    /// <summary>When set, the JSON report is also written to this file (whatever <see cref="Format"/> prints).</summary>
    public string? JsonOut { get; init; }

    /// <summary>Process id of the server on this machine; when set, the summary reports its CPU time per call.</summary>
    public int? ServerPid { get; init; }

    /// <summary>The run bounds these options describe.</summary>
    public RunLimits Limits => new(Concurrency, Duration, Warmup, Total, Timeout);

    /// <summary>Reads the options; <paramref name="allowCall"/> is false for <c>compare</c>, which picks the calls itself.</summary>
    public static UnaryOptions Parse(ArgReader reader, bool allowCall)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var total = reader.GetLong("--total", 0, 0, long.MaxValue);
        var duration = reader.GetDurationOrNull("--duration", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        var options = new UnaryOptions
        {
            Target = reader.GetHttpUri("--target", DefaultTarget),
            Call = allowCall ? reader.GetChoice("--call", "metrics", "metrics", "health", "batch") : "metrics",
            Concurrency = reader.GetInt("--concurrency", 16, 1, 10_000),
            Connections = reader.GetInt("--connections", 1, 1, 1_000),
            Duration = duration ?? (total > 0 ? TotalOnlyDurationCap : DefaultDuration),
            Warmup = reader.GetDurationOrNull("--warmup", TimeSpan.Zero, TimeSpan.FromMinutes(10)) ?? TimeSpan.FromSeconds(2),
            Total = total,
            Returns = reader.GetInt("--returns", 252, 1, 1_000_000),
            BatchSize = reader.GetInt("--batch-size", 100, 1, 100_000),
            Seed = reader.GetInt("--seed", ReturnSeries.DefaultSeed, int.MinValue, int.MaxValue),
            Timeout = reader.GetDurationOrNull("--timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)) ?? TimeSpan.FromSeconds(20),
            Format = reader.GetChoice("--format", "summary", "summary", "json"),
            JsonOut = reader.GetStringOrNull("--json-out"),
            ServerPid = reader.Has("--server-pid") ? reader.GetInt("--server-pid", 0, 1, int.MaxValue) : null,
        };
        if (options.Connections > options.Concurrency)
        {
            throw new UsageException($"--connections ({options.Connections}) cannot exceed --concurrency ({options.Concurrency})");
        }

        return options;
    }

    /// <summary>The call these options select, with its request built once.</summary>
    public IUnaryCall CreateCall(string call) => call switch
    {
        "health" => new HealthCheckCall(),
        "batch" => new ComputeMetricsBatchCall(ReturnSeries.Batch(BatchSize, Returns, Seed)),
        _ => new ComputeMetricsCall(ReturnSeries.Request(Returns, Seed)),
    };

    /// <summary>The options echoed in the JSON report.</summary>
    public IReadOnlyDictionary<string, string> Describe(IUnaryCall call)
    {
        var c = CultureInfo.InvariantCulture;
        var described = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = Target.ToString(),
            ["call"] = call.Method,
            ["concurrency"] = Concurrency.ToString(c),
            ["connections"] = Connections.ToString(c),
            ["duration"] = Duration.TotalSeconds.ToString("0.###", c) + "s",
            ["warmup"] = Warmup.TotalSeconds.ToString("0.###", c) + "s",
            ["total"] = Total.ToString(c),
            ["requestBytes"] = call.RequestBytes.ToString(c),
        };
        if (call is not HealthCheckCall)
        {
            described["returns"] = Returns.ToString(c);
            described["seed"] = Seed.ToString(c);
        }

        if (call is ComputeMetricsBatchCall)
        {
            described["batchSize"] = BatchSize.ToString(c);
        }

        return described;
    }
}
