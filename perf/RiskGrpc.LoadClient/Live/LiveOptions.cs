using System.Globalization;
using RiskGrpc.LoadClient.Cli;

namespace RiskGrpc.LoadClient.Live;

/// <summary>Options of the <c>live</c> scenario: N Connect streams × M portfolios, each sending returns open-loop at a rate.</summary>
internal sealed record LiveOptions
{
    public const string OptionsUsage =
        "[--target http://127.0.0.1:5051] [--streams 1000] [--portfolios-per-stream 1] [--rate 10] [--duration 60s] " +
        "[--warmup 5s] [--connections 10] [--window 252] [--drain-timeout 15s] [--format summary|json] [--json-out FILE]";

    public Uri Target { get; init; } = new("http://127.0.0.1:5051");

    public int Streams { get; init; } = 1000;

    public int PortfoliosPerStream { get; init; } = 1;

    /// <summary>Events per second per portfolio.</summary>
    public double Rate { get; init; } = 10;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int Connections { get; init; } = 10;

    public int Window { get; init; } = 252;

    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public string Format { get; init; } = "summary";

    public string? JsonOut { get; init; }

    public int Portfolios => Streams * PortfoliosPerStream;

    public static LiveOptions Parse(ArgReader reader) => new()
    {
        Target = reader.GetHttpUri("--target", "http://127.0.0.1:5051"),
        Streams = reader.GetInt("--streams", 1000, 1, 100_000),
        PortfoliosPerStream = reader.GetInt("--portfolios-per-stream", 1, 1, 4096),
        Rate = reader.GetInt("--rate", 10, 1, 100_000),
        Duration = reader.GetDurationOrNull("--duration", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(60),
        Warmup = reader.GetDurationOrNull("--warmup", TimeSpan.Zero, TimeSpan.FromMinutes(10)) ?? TimeSpan.FromSeconds(5),
        Connections = reader.GetInt("--connections", 10, 1, 1000),
        Window = reader.GetInt("--window", 252, 2, 10_000),
        DrainTimeout = reader.GetDurationOrNull("--drain-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) ?? TimeSpan.FromSeconds(15),
        Format = reader.GetChoice("--format", "summary", "summary", "json"),
        JsonOut = reader.GetStringOrNull("--json-out"),
    };

    public IReadOnlyDictionary<string, string> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = Target.ToString(),
            ["call"] = "riskgrpc.v1.LiveRiskService/Connect",
            ["streams"] = Streams.ToString(c),
            ["portfoliosPerStream"] = PortfoliosPerStream.ToString(c),
            ["ratePerPortfolio"] = Rate.ToString(c),
            ["duration"] = Duration.TotalSeconds.ToString("0.###", c) + "s",
            ["warmup"] = Warmup.TotalSeconds.ToString("0.###", c) + "s",
            ["connections"] = Connections.ToString(c),
            ["window"] = Window.ToString(c),
        };
    }
}
