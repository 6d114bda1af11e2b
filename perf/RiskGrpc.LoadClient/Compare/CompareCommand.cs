using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskGrpc.LoadClient.Cli;
using RiskGrpc.LoadClient.Measurement;
using RiskGrpc.LoadClient.Unary;

namespace RiskGrpc.LoadClient.Compare;

/// <summary>
/// <c>compare</c>: runs <c>Health/Check</c>, then <c>ComputeMetrics</c> (or <c>--candidate batch</c>) with identical
/// settings against the same server, interleaved in <c>--rounds</c> rounds, and prints both summaries and the ratios
/// rps(metrics)/rps(health) and p99(metrics)/p99(health). Measuring against the server's own cheapest call, in
/// alternating rounds, cancels out most of the noise of a shared machine.
/// </summary>
internal sealed class CompareCommand : ILoadCommand
{
    private readonly TimeProvider _time;

    public CompareCommand(TimeProvider time)
    {
        _time = time;
    }

    public string Name => "compare";

    public string Usage => "compare [--candidate metrics|batch] [--rounds 3] " + UnaryOptions.OptionsUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var reader = ArgReader.Parse(Name, args);
        var candidateName = reader.GetChoice("--candidate", "metrics", "metrics", "batch");
        var rounds = reader.GetInt("--rounds", 3, 1, 100);
        var options = UnaryOptions.Parse(reader, allowCall: false);
        reader.EnsureNoneLeft();

        var baselineCall = options.CreateCall("health");
        var candidateCall = options.CreateCall(candidateName);
        var (baseline, candidate) = await RunInterleavedAsync(options, rounds, baselineCall, candidateCall, cancellationToken);
        var comparison = new Comparison(baseline, candidate);

        var json = ToJson(comparison, candidateName);
        if (options.JsonOut is not null)
        {
            await File.WriteAllTextAsync(options.JsonOut, json + "\n", cancellationToken);
        }

        if (options.Format == "json")
        {
            await stdout.WriteLineAsync(json);
        }
        else
        {
            SummaryPrinter.WriteText(baseline, stdout, $"== {baselineCall.Method}, c={options.Concurrency}, connections={options.Connections}");
            stdout.WriteLine();
            SummaryPrinter.WriteText(candidate, stdout, $"== {candidateCall.Method} ({candidateCall.RequestBytes} B request), c={options.Concurrency}, connections={options.Connections}");
            stdout.WriteLine();
            WriteRatios(comparison, candidateName, stdout);
        }

        return 0;
    }

    /// <summary>
    /// Runs health and the candidate alternately, <paramref name="rounds"/> times each (H C H C …), each round getting
    /// 1/rounds of the duration (and of <c>--total</c>) after its own warm-up; both keep their connections across rounds.
    /// </summary>
    private async Task<(LoadSummary Baseline, LoadSummary Candidate)> RunInterleavedAsync(
        UnaryOptions options, int rounds, IUnaryCall baselineCall, IUnaryCall candidateCall, CancellationToken cancellationToken)
    {
        var limits = options.Limits with
        {
            Duration = options.Duration / rounds,
            Total = options.Total == 0 ? 0 : (options.Total + rounds - 1) / rounds,
        };
        using var baseline = await UnaryLoad.OpenAsync(options, baselineCall, cancellationToken);
        using var candidate = await UnaryLoad.OpenAsync(options, candidateCall, cancellationToken);
        for (var round = 0; round < rounds; round++)
        {
            await baseline.RunRoundAsync(limits, cancellationToken);
            await candidate.RunRoundAsync(limits, cancellationToken);
        }

        return (baseline.Summarise(_time), candidate.Summarise(_time));
    }

    /// <summary>Writes the ratio lines.</summary>
    public static void WriteRatios(Comparison comparison, string candidateName, TextWriter writer)
    {
        var c = CultureInfo.InvariantCulture;
        var b = comparison.Baseline;
        var m = comparison.Candidate;
        writer.WriteLine($"Comparison ({candidateName} vs health, identical settings):");
        writer.WriteLine(
            $"  rps  {candidateName} {m.OkRps.ToString("0.0", c)} / health {b.OkRps.ToString("0.0", c)} = " +
            $"{comparison.RpsRatio.ToString("0.000", c)}  (target >= {Comparison.RpsRatioTarget.ToString("0.00", c)}: {(comparison.RpsTargetMet ? "met" : "NOT met")})");
        writer.WriteLine(
            $"  p99  {candidateName} {SummaryPrinter.FormatDuration(m.Percentile(99) ?? 0)} / health {SummaryPrinter.FormatDuration(b.Percentile(99) ?? 0)} = " +
            $"{comparison.P99Ratio.ToString("0.000", c)}  (target <= {Comparison.P99RatioTarget.ToString("0.00", c)}: {(comparison.P99TargetMet ? "met" : "NOT met")})");
        if (b.Counters.TryGetValue("serverCpuNsPerCall", out var bCpu) && m.Counters.TryGetValue("serverCpuNsPerCall", out var mCpu) && bCpu > 0)
        {
            writer.WriteLine(
                $"  server CPU per call  {candidateName} {(mCpu / 1000.0).ToString("0.0", c)} µs / health {(bCpu / 1000.0).ToString("0.0", c)} µs = " +
                $"{((double)mCpu / bCpu).ToString("0.000", c)}  (10 ms /proc resolution; spinning thread pools count too)");
        }

        if (b.Counters.TryGetValue("clientCpuNsPerCall", out var bClient) && m.Counters.TryGetValue("clientCpuNsPerCall", out var mClient))
        {
            writer.WriteLine(
                $"  client CPU per call  {candidateName} {(mClient / 1000.0).ToString("0.0", c)} µs / health {(bClient / 1000.0).ToString("0.0", c)} µs");
        }

        if (!comparison.ErrorFree)
        {
            writer.WriteLine("  WARNING: a run had non-OK calls; see the status code distributions above. Targets count as not met.");
        }
    }

    /// <summary>The comparison as JSON: <c>{ health: summary, metrics: summary, ratios: {...} }</c>.</summary>
    public static string ToJson(Comparison comparison, string candidateName)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, SummaryPrinter.WriterOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("health");
            SummaryPrinter.WriteJson(comparison.Baseline, json);
            json.WritePropertyName(candidateName);
            SummaryPrinter.WriteJson(comparison.Candidate, json);
            json.WriteStartObject("ratios");
            WriteNumberOrNull(json, "rps", comparison.RpsRatio);
            WriteNumberOrNull(json, "p99", comparison.P99Ratio);
            json.WriteNumber("rpsTarget", Comparison.RpsRatioTarget);
            json.WriteNumber("p99Target", Comparison.P99RatioTarget);
            json.WriteBoolean("errorFree", comparison.ErrorFree);
            json.WriteBoolean("rpsTargetMet", comparison.RpsTargetMet);
            json.WriteBoolean("p99TargetMet", comparison.P99TargetMet);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
