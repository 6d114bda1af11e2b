using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RiskGrpc.Cloud;

/// <summary>
/// Writes a <see cref="CloudOptimizationRequest"/> as the endpoint's JSON body (§5), fields in a fixed order, and the
/// canonical cache key (§7: endpoint plus the body with numbers rounded to 12 significant digits).
/// </summary>
public static class CloudRequestJson
{
    /// <summary>The UTF-8 JSON body.</summary>
    public static byte[] ToUtf8(CloudOptimizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, request, round: false);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Endpoint and body with numbers rounded to 12 significant digits: equal requests give equal keys.</summary>
    public static string CacheKey(CloudOptimizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, request, round: true);
        }

        return request.Endpoint.ToString() + ":" + Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter w, CloudOptimizationRequest r, bool round)
    {
        w.WriteStartObject();
        w.WriteNumber("assets", r.Assets);
        if (r.Covariance is { } cov)
        {
            w.WriteStartArray("assetsCovarianceMatrix");
            for (var i = 0; i < r.Assets; i++)
            {
                w.WriteStartArray();
                for (var j = 0; j < r.Assets; j++)
                {
                    Number(w, cov[i, j], round);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        Vector(w, "assetsReturns", r.Returns, round);
        Vector(w, "assetsVolatilities", r.Volatilities, round);
        Vector(w, "assetsVariances", r.Variances, round);
        if (r.RiskFreeRate is { } rf)
        {
            w.WritePropertyName("riskFreeRate");
            Number(w, rf, round);
        }

        if (r.ClusteringMethod is { } method)
        {
            w.WriteString("clusteringMethod", method);
        }

        if (r.ClusteringOrdering is { } ordering)
        {
            w.WriteString("clusteringOrdering", ordering);
        }

        if (r.Clusters is { } clusters)
        {
            w.WriteNumber("clusters", clusters);
        }

        if (r.ClusterAllocation is { } allocation)
        {
            w.WriteString("acrossClusterAllocationMethod", allocation);
            w.WriteString("withinClusterAllocationMethod", allocation);
        }

        Constraints(w, r, round);
        w.WriteEndObject();
    }

    private static void Constraints(Utf8JsonWriter w, CloudOptimizationRequest r, bool round)
    {
        var exposure = r.MinimumExposure != 1 || r.MaximumExposure != 1;
        var any = r.MinimumWeights is not null || r.MaximumWeights is not null || exposure || r.Groups.Count > 0
            || r.PortfolioReturn is not null || r.PortfolioVolatility is not null || r.RiskTolerance is not null;
        if (!any)
        {
            return;
        }

        w.WriteStartObject("constraints");
        Vector(w, "minimumAssetsWeights", r.MinimumWeights, round);
        Vector(w, "maximumAssetsWeights", r.MaximumWeights, round);
        if (exposure)
        {
            w.WritePropertyName("minimumPortfolioExposure");
            Number(w, r.MinimumExposure, round);
            w.WritePropertyName("maximumPortfolioExposure");
            Number(w, r.MaximumExposure, round);
        }

        if (r.Groups.Count > 0)
        {
            w.WriteStartArray("assetsGroups");
            foreach (var g in r.Groups)
            {
                w.WriteStartArray();
                foreach (var index in g)
                {
                    w.WriteNumberValue(index);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            Vector(w, "maximumAssetsGroupsWeights", [.. r.GroupCaps], round);
        }

        Optional(w, "portfolioReturn", r.PortfolioReturn, round);
        Optional(w, "portfolioVolatility", r.PortfolioVolatility, round);
        Optional(w, "riskTolerance", r.RiskTolerance, round);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, double? value, bool round)
    {
        if (value is { } v)
        {
            w.WritePropertyName(name);
            Number(w, v, round);
        }
    }

    private static void Vector(Utf8JsonWriter w, string name, double[]? values, bool round)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            Number(w, v, round);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, double value, bool round)
    {
        if (round)
        {
            // 12 significant digits: inputs equal to within ~1e-12 relative share a key (§7's canonical JSON).
            w.WriteRawValue(value.ToString("G12", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            w.WriteNumberValue(value);
        }
    }
}
