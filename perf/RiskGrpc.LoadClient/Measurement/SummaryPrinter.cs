using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RiskGrpc.LoadClient.Measurement;

/// <summary>
/// Prints a <see cref="LoadSummary"/> as ghz does: a human summary (<c>--format summary</c>) or JSON
/// (<c>--format json</c>) whose field names match ghz's report (<c>count</c>, <c>total</c>, <c>average</c>,
/// <c>fastest</c>, <c>slowest</c>, <c>rps</c>, <c>latencyDistribution[{percentage, latency}]</c>,
/// <c>statusCodeDistribution</c>, <c>errorDistribution</c>), durations in nanoseconds, plus <c>firstCall</c>,
/// <c>okCount</c>, <c>okRps</c> and any scenario counters as top-level numbers.
/// </summary>
internal static class SummaryPrinter
{
    /// <summary>Indented JSON; relaxed escaping keeps error texts readable (the output is a report, never embedded in HTML).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Characters of the longest histogram bar (ghz's width).</summary>
    private const int HistogramBarWidth = 40;

    /// <summary>Writes the human-readable summary.</summary>
    public static void WriteText(LoadSummary summary, TextWriter writer, string? title = null)
    {
        var c = CultureInfo.InvariantCulture;
        if (title is not null)
        {
            writer.WriteLine(title);
        }

        writer.WriteLine("Summary:");
        writer.WriteLine($"  Count:        {summary.Count.ToString(c)}");
        writer.WriteLine($"  Total:        {FormatDuration(summary.TotalNanoseconds)}");
        writer.WriteLine($"  Slowest:      {FormatDuration(summary.SlowestNanoseconds)}");
        writer.WriteLine($"  Fastest:      {FormatDuration(summary.FastestNanoseconds)}");
        writer.WriteLine($"  Average:      {FormatDuration(summary.AverageNanoseconds)}");
        writer.WriteLine($"  Requests/sec: {summary.Rps.ToString("0.00", c)}");
        if (summary.OkCount != summary.Count)
        {
            writer.WriteLine($"  OK/sec:       {summary.OkRps.ToString("0.00", c)}");
        }

        if (summary.FirstCallNanoseconds is { } first)
        {
            writer.WriteLine($"  First call:   {FormatDuration(first)}");
        }

        foreach (var (name, value) in summary.Counters)
        {
            writer.WriteLine($"  {(char.ToUpperInvariant(name[0]) + name[1..] + ":").PadRight(13)} {value.ToString(c)}");
        }

        if (summary.Histogram.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Response time histogram:");
            var most = summary.Histogram.Max(b => b.Count);
            foreach (var bucket in summary.Histogram)
            {
                var bar = most == 0 ? 0 : (int)(bucket.Count * HistogramBarWidth / most);
                writer.WriteLine($"  {(bucket.MarkNanoseconds / 1e6).ToString("0.000", c)} [{bucket.Count.ToString(c)}]\t|{new string('∎', bar)}");
            }
        }

        writer.WriteLine();
        writer.WriteLine("Latency distribution:");
        foreach (var row in summary.LatencyDistribution)
        {
            writer.WriteLine($"  {row.Percentage.ToString("0.#", c)} % in {FormatDuration(row.LatencyNanoseconds)}");
        }

        writer.WriteLine();
        writer.WriteLine("Status code distribution:");
        foreach (var (status, n) in summary.StatusCodeDistribution)
        {
            writer.WriteLine($"  [{status}]   {n.ToString(c)} responses");
        }

        if (summary.ErrorDistribution.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Error distribution:");
            foreach (var (error, n) in summary.ErrorDistribution)
            {
                writer.WriteLine($"  [{n.ToString(c)}]   {error}");
            }
        }
    }

    /// <summary>Returns the JSON report as a string.</summary>
    public static string ToJson(LoadSummary summary)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteJson(summary, json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the JSON report as one object.</summary>
    public static void WriteJson(LoadSummary summary, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (summary.EndReason.Length > 0)
        {
            json.WriteString("endReason", summary.EndReason);
        }

        if (summary.Options.Count > 0)
        {
            json.WriteStartObject("options");
            foreach (var (name, value) in summary.Options)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        if (summary.Date is { } date)
        {
            json.WriteString("date", date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        json.WriteNumber("count", summary.Count);
        json.WriteNumber("total", summary.TotalNanoseconds);
        json.WriteNumber("average", summary.AverageNanoseconds);
        json.WriteNumber("fastest", summary.FastestNanoseconds);
        json.WriteNumber("slowest", summary.SlowestNanoseconds);
        json.WriteNumber("rps", Math.Round(summary.Rps, 2));
        json.WriteNumber("okCount", summary.OkCount);
        json.WriteNumber("okRps", Math.Round(summary.OkRps, 2));
        if (summary.FirstCallNanoseconds is { } first)
        {
            json.WriteNumber("firstCall", first);
        }

        foreach (var (name, value) in summary.Counters)
        {
            json.WriteNumber(name, value);
        }

        json.WriteStartObject("errorDistribution");
        foreach (var (error, n) in summary.ErrorDistribution)
        {
            json.WriteNumber(error, n);
        }

        json.WriteEndObject();
        json.WriteStartObject("statusCodeDistribution");
        foreach (var (status, n) in summary.StatusCodeDistribution)
        {
            json.WriteNumber(status, n);
        }

        json.WriteEndObject();
        json.WriteStartArray("latencyDistribution");
        foreach (var row in summary.LatencyDistribution)
        {
            json.WriteStartObject();
            json.WriteNumber("percentage", row.Percentage);
            json.WriteNumber("latency", row.LatencyNanoseconds);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // ghz's histogram marks are Go durations converted to seconds.
        json.WriteStartArray("histogram");
        foreach (var bucket in summary.Histogram)
        {
            json.WriteStartObject();
            json.WriteNumber("mark", bucket.MarkNanoseconds / 1e9);
            json.WriteNumber("count", bucket.Count);
            json.WriteNumber("frequency", bucket.Frequency);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Formats nanoseconds as ghz does for its summary: milliseconds, with µs precision below 10 ms.</summary>
    public static string FormatDuration(long nanoseconds)
    {
        var ms = nanoseconds / 1e6;
        var c = CultureInfo.InvariantCulture;
        return ms >= 1000 ? (ms / 1000).ToString("0.00", c) + " s"
            : ms >= 10 ? ms.ToString("0.00", c) + " ms"
            : ms.ToString("0.000", c) + " ms";
    }
}
