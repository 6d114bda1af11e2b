using System.Globalization;
using System.Text.Json;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Reference;

/// <summary>
/// One case of ../shared/data/metric-reference.json: a return series (NaN kept as NaN), an optional benchmark, and the
/// values empyrical / pyfolio / QuantStats computed, keyed <c>library.function(args)</c>.
/// </summary>
public sealed class MetricReferenceCase
{
    private static readonly Lazy<IReadOnlyList<MetricReferenceCase>> All = new(Load);

    public required string Name { get; init; }

    public required double[] Returns { get; init; }

    public double[]? Benchmark { get; init; }

    public required double PeriodsPerYear { get; init; }

    public required double RiskFree { get; init; }

    /// <summary>pandas start date and frequency of the index ('B' business days, 'M' month ends), when given.</summary>
    public DateTime? IndexStart { get; init; }

    public string? IndexFrequency { get; init; }

    /// <summary>Scalar expectations (NaN and ±Infinity decoded).</summary>
    public required IReadOnlyDictionary<string, double> Scalars { get; init; }

    /// <summary>Vector expectations (e.g. alpha_beta pairs, rolling series).</summary>
    public required IReadOnlyDictionary<string, double[]> Vectors { get; init; }

    /// <summary>Absolute tolerances where the source test states them (otherwise relative 1e-9 applies).</summary>
    public required IReadOnlyDictionary<string, double> AbsoluteTolerances { get; init; }

    public static IReadOnlyList<MetricReferenceCase> Cases => All.Value;

    public static MetricReferenceCase Get(string name) => Cases.Single(c => c.Name == name);

    /// <summary>Case names, for xUnit theories named after scenarios.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    /// <summary>
    /// Business-day (pandas 'B') or month-end ('M') timestamps for the case's index, one per return row.
    /// </summary>
    /// <summary>Names of the cases that hold the scalar expectation <paramref name="key"/>.</summary>
    public static TheoryData<string> NamesWith(string key)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Where(c => c.Scalars.ContainsKey(key)))
        {
            data.Add(c.Name);
        }

        return data;
    }

    public DateTime[] Timestamps()
    {
        if (IndexStart is not { } start)
        {
            throw new InvalidOperationException($"case {Name} has no index");
        }

        var result = new DateTime[Returns.Length];
        var d = start;
        if (IndexFrequency == "M")
        {
            d = new DateTime(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month), 0, 0, 0, DateTimeKind.Utc);
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = d;
            d = IndexFrequency switch
            {
                "M" => LastDayOfNextMonth(d),
                _ => NextBusinessDay(d),
            };
        }

        return result;
    }

    public override string ToString() => Name;

    private static DateTime NextBusinessDay(DateTime d)
    {
        d = d.AddDays(1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private static DateTime LastDayOfNextMonth(DateTime d)
    {
        var next = new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        return new DateTime(next.Year, next.Month, DateTime.DaysInMonth(next.Year, next.Month), 0, 0, 0, DateTimeKind.Utc);
    }

    private static double Decode(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        },
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => throw new FormatException($"not a number: {e}"),
    };

    private static double Number(JsonElement obj, string name, double fallback) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Decode(v) : fallback;

    private static List<MetricReferenceCase> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.DataFile("metric-reference.json")));
        var cases = new List<MetricReferenceCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var scalars = new Dictionary<string, double>();
            var vectors = new Dictionary<string, double[]>();
            foreach (var p in c.GetProperty("expected").EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Array)
                {
                    vectors[p.Name] = p.Value.EnumerateArray().Select(Decode).ToArray();
                }
                else
                {
                    scalars[p.Name] = Decode(p.Value);
                }
            }

            var tolerances = new Dictionary<string, double>();
            if (c.TryGetProperty("tolerance_abs", out var tol) && tol.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in tol.EnumerateObject())
                {
                    tolerances[p.Name] = Decode(p.Value);
                }
            }

            DateTime? start = null;
            string? freq = null;
            if (c.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Object)
            {
                start = DateTime.SpecifyKind(DateTime.Parse(index.GetProperty("start").GetString()!, CultureInfo.InvariantCulture), DateTimeKind.Utc);
                freq = index.GetProperty("pandas_freq").GetString();
            }

            var benchmark = c.TryGetProperty("benchmark", out var b) && b.ValueKind == JsonValueKind.Array
                ? b.EnumerateArray().Select(Decode).ToArray()
                : null;

            cases.Add(new MetricReferenceCase
            {
                Name = c.GetProperty("name").GetString()!,
                Returns = c.GetProperty("returns").EnumerateArray().Select(Decode).ToArray(),
                Benchmark = benchmark,
                PeriodsPerYear = Number(c, "periods_per_year", 252),
                RiskFree = Number(c, "risk_free", 0),
                IndexStart = start,
                IndexFrequency = freq,
                Scalars = scalars,
                Vectors = vectors,
                AbsoluteTolerances = tolerances,
            });
        }

        return cases;
    }
}
