using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Cli.Metrics;

/// <summary>
/// Prints a <see cref="MetricsResult"/> by catalogue name: returns-only metrics, the tail-risk metrics at the single
/// confidence level, then the benchmark-relative metrics when there is a benchmark. Non-finite values are the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> in JSON and the same words in the table.
/// </summary>
internal static class MetricsResultWriter
{
    public static void Write(MetricsResult result, MetricsOutputFormat format, TextWriter output)
    {
        var rows = Rows(result);
        if (format == MetricsOutputFormat.Json)
        {
            WriteJson(rows, output);
        }
        else
        {
            WriteTable(result.Observations, rows, output);
        }
    }

    private static List<(string Name, double Value)> Rows(MetricsResult result)
    {
        var rows = new List<(string, double)>(MetricCatalogue.Returns.Count + MetricCatalogue.TailRisk.Count + MetricCatalogue.Relative.Count);
        var metrics = result.Metrics;
        foreach (var field in MetricCatalogue.Returns)
        {
            rows.Add((field.Name, field.Get(metrics)));
        }

        var tail = result.TailRisk[0];
        foreach (var field in MetricCatalogue.TailRisk)
        {
            rows.Add((field.Name, field.Get(tail)));
        }

        if (result.Relative is { } relative)
        {
            foreach (var field in MetricCatalogue.Relative)
            {
                rows.Add((field.Name, field.Get(relative)));
            }
        }

        return rows;
    }

    private static void WriteJson(List<(string Name, double Value)> rows, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in rows)
            {
                if (double.IsFinite(value))
                {
                    json.WriteNumber(name, value);
                }
                else
                {
                    json.WriteString(name, NonFinite(value));
                }
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteTable(int observations, List<(string Name, double Value)> rows, TextWriter output)
    {
        var width = "observations".Length;
        foreach (var (name, _) in rows)
        {
            width = Math.Max(width, name.Length);
        }

        output.WriteLine($"{"observations".PadRight(width)}  {observations.ToString(CultureInfo.InvariantCulture),18}");
        foreach (var (name, value) in rows)
        {
            var text = double.IsFinite(value) ? value.ToString("G10", CultureInfo.InvariantCulture) : NonFinite(value);
            output.WriteLine($"{name.PadRight(width)}  {text,18}");
        }
    }

    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}
