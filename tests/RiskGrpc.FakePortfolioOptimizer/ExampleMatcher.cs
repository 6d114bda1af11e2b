using System.Text.Json.Nodes;

namespace RiskGrpc.FakePortfolioOptimizer;

/// <summary>Finds the documented example a request body asks for, and the positive factor its covariance carries.</summary>
public static class ExampleMatcher
{
    private const double Tolerance = 1e-12;

    /// <summary>The example of <paramref name="endpoint"/> that <paramref name="body"/> states, with its covariance scale; null when none.</summary>
    public static (DocumentedExample Example, double Scale)? Match(string endpoint, JsonNode? body)
    {
        if (body is not JsonObject o)
        {
            return null;
        }

        foreach (var example in DocumentedExample.All.Where(e => e.Endpoint == endpoint))
        {
            if (Scale(example, o) is { } scale && Same(example, o))
            {
                return (example, scale);
            }
        }

        return null;
    }

    private static double? Scale(DocumentedExample e, JsonObject o)
    {
        var n = e.Covariance.Length;
        if (o["assets"]?.GetValue<int>() != n || Matrix(o["assetsCovarianceMatrix"]) is not { } cov || cov.Length != n)
        {
            return null;
        }

        var scale = cov[0][0] / e.Covariance[0][0];
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            return null;
        }

        for (var i = 0; i < n; i++)
        {
            if (cov[i].Length != n)
            {
                return null;
            }

            for (var j = 0; j < n; j++)
            {
                if (Math.Abs(cov[i][j] - (scale * e.Covariance[i][j])) > Tolerance * Math.Max(1, Math.Abs(cov[i][j])))
                {
                    return null;
                }
            }
        }

        return scale;
    }

    private static bool Same(DocumentedExample e, JsonObject o)
    {
        var c = o["constraints"] as JsonObject;
        var minWeights = Vector(c?["minimumAssetsWeights"]);
        return SameVector(e.Returns, Vector(o["assetsReturns"]))
            && SameNumber(e.RiskFreeRate, Number(o["riskFreeRate"]))
            && SameVector(e.MaximumWeights, Vector(c?["maximumAssetsWeights"]))
            && (minWeights is null || minWeights.All(w => w == 0))
            && Math.Abs((Number(c?["minimumPortfolioExposure"]) ?? 1) - e.Exposure) <= Tolerance
            && Math.Abs((Number(c?["maximumPortfolioExposure"]) ?? 1) - e.Exposure) <= Tolerance
            && SameNumber(e.PortfolioReturn, Number(c?["portfolioReturn"]))
            && c?["assetsGroups"] is null && c?["portfolioVolatility"] is null && c?["riskTolerance"] is null;
    }

    private static bool SameNumber(double? expected, double? actual) =>
        expected is null ? actual is null : actual is { } a && Math.Abs(a - expected.Value) <= Tolerance;

    private static bool SameVector(double[]? expected, double[]? actual) =>
        expected is null ? actual is null : actual is not null && actual.Length == expected.Length && actual.Zip(expected).All(p => Math.Abs(p.First - p.Second) <= Tolerance);

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static double[]? Vector(JsonNode? node) =>
        node is JsonArray a && a.All(x => Number(x) is not null) ? a.Select(x => Number(x)!.Value).ToArray() : null;

    private static double[][]? Matrix(JsonNode? node)
    {
        if (node is not JsonArray rows)
        {
            return null;
        }

        var m = new double[rows.Count][];
        for (var i = 0; i < m.Length; i++)
        {
            if (Vector(rows[i]) is not { } row)
            {
                return null;
            }

            m[i] = row;
        }

        return m;
    }
}
