using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskGrpc.Optimization.Portfolios;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Cli.Commands;

/// <summary>Prints optimization results as an aligned table or as JSON (<c>{"weights": {...}, "expected_return": ...}</c>).</summary>
internal static class OptimizationCliOutput
{
    public static void Table(OptimizationResult r, TextWriter stdout)
    {
        stdout.WriteLine($"{"asset",-12} {"weight",12} {"risk contrib",14}");
        for (var i = 0; i < r.Assets.Count; i++)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Assets[i],-12} {r.Weights[i],12:F6} {r.Performance.RiskContributions[i],14:F6}"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected return {Fmt(r.Performance.ExpectedReturn)}, volatility {Fmt(r.Performance.Volatility)}, sharpe {Fmt(r.Performance.Sharpe)}"));
        foreach (var (m, v) in r.Risk ?? new Dictionary<RiskMeasure, double>())
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{RiskMeasureInfo.Name(m),-18} {v,14:G10}"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine {r.Engine}, iterations {r.Iterations}, active constraints {r.ActiveConstraints.Count}, {r.Elapsed.TotalMilliseconds:F3} ms"));
    }

    public static void Json(OptimizationResult r, TextWriter stdout, Action<Utf8JsonWriter>? extra = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("weights");
            for (var i = 0; i < r.Assets.Count; i++)
            {
                w.WriteNumber(r.Assets[i], r.Weights[i]);
            }

            w.WriteEndObject();
            Number(w, "expected_return", r.Performance.ExpectedReturn);
            Number(w, "volatility", r.Performance.Volatility);
            Number(w, "sharpe", r.Performance.Sharpe);
            w.WriteStartObject("risk_contributions");
            for (var i = 0; i < r.Assets.Count; i++)
            {
                w.WriteNumber(r.Assets[i], r.Performance.RiskContributions[i]);
            }

            w.WriteEndObject();
            w.WriteString("engine", r.Engine);
            w.WriteNumber("iterations", r.Iterations);
            w.WriteStartArray("active_constraints");
            foreach (var c in r.ActiveConstraints)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteNumber("elapsed_ms", r.Elapsed.TotalMilliseconds);
            if (r.Risk is { } risk)
            {
                RiskObject(w, risk);
            }

            extra?.Invoke(w);
            w.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void Matrix(IReadOnlyList<string> assets, double[,] m, bool json, TextWriter stdout)
    {
        if (!json)
        {
            stdout.WriteLine("," + string.Join(",", assets));
            for (var i = 0; i < assets.Count; i++)
            {
                stdout.WriteLine(assets[i] + "," + string.Join(",", Enumerable.Range(0, assets.Count).Select(j => m[i, j].ToString("R", CultureInfo.InvariantCulture))));
            }

            return;
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("assets");
            foreach (var a in assets)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteStartArray("matrix");
            for (var i = 0; i < assets.Count; i++)
            {
                w.WriteStartArray();
                for (var j = 0; j < assets.Count; j++)
                {
                    w.WriteNumberValue(m[i, j]);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Writes <c>"risk": {"variance": …, "cvar": …, …}</c>.</summary>
    public static void RiskObject(Utf8JsonWriter w, IReadOnlyDictionary<RiskMeasure, double> risk)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(risk);
        w.WriteStartObject("risk");
        foreach (var (m, v) in risk)
        {
            Number(w, RiskMeasureInfo.Name(m), v);
        }

        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Fmt(double v) => double.IsFinite(v) ? v.ToString("F6", CultureInfo.InvariantCulture) : "n/a";
}
