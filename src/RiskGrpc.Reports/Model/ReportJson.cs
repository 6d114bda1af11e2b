using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskGrpc.Reports.Model;

/// <summary>
/// The JSON form of a <see cref="ReportModel"/>: snake_case names (the catalogue's), NaN and infinities as the strings
/// "NaN", "Infinity", "-Infinity" (as the REST API writes them), nulls omitted, source-generated (no reflection).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ReportModel))]
public sealed partial class ReportJson : JsonSerializerContext
{
    /// <summary>Serialises <paramref name="model"/> to UTF-8 JSON.</summary>
    public static byte[] Serialize(ReportModel model) => JsonSerializer.SerializeToUtf8Bytes(model, Default.ReportModel);

    /// <summary>Reads a report back (tests, tooling).</summary>
    public static ReportModel? Deserialize(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, Default.ReportModel);
}
