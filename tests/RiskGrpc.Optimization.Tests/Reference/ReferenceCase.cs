using System.Text.Json;

namespace RiskGrpc.Optimization.Tests.Reference;

/// <summary>One entry of <c>optimization-reference.json</c>, kept as raw JSON where the shape varies by case.</summary>
internal sealed record ReferenceCase(string Name, string Data, string Method, JsonElement Params, JsonElement Raw)
{
    public IReadOnlyList<KeyValuePair<string, double>> ExpectedWeights => Raw.TryGetProperty("expected_weights", out var w) && w.ValueKind == JsonValueKind.Object
        ? w.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble())).ToList()
        : [];

    public string[] WeightAssets => ExpectedWeights.Select(p => p.Key).ToArray();

    public double Tolerance(string key) => Raw.GetProperty("tolerance").GetProperty(key).GetDouble();

    public bool HasTolerance(string key) => Raw.GetProperty("tolerance").TryGetProperty(key, out _);

    public double Performance(string key) => Raw.GetProperty("expected_performance").GetProperty(key).GetDouble();

    public bool HasPerformance(string key) => Raw.TryGetProperty("expected_performance", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty(key, out _);

    public double Param(string key) => Params.GetProperty(key).GetDouble();
}
