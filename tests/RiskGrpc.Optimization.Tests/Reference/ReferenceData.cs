using System.Text.Json;
using RiskGrpc.Optimization.Data;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Optimization.Tests.Reference;

/// <summary>Loads the shared reference cases and price files once per test run.</summary>
internal static class ReferenceData
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceCase>> Cases = new(Load);
    private static readonly Dictionary<string, AssetTable> Prices = [];
    private static readonly Lock PricesLock = new();

    public static IReadOnlyDictionary<string, ReferenceCase> All => Cases.Value;

    public static ReferenceCase Get(string name) => All[name];

    public static AssetTable PriceFile(string file)
    {
        lock (PricesLock)
        {
            if (!Prices.TryGetValue(file, out var table))
            {
                table = AssetTableCsv.ReadFile(SharedData.DataFile(file));
                Prices[file] = table;
            }

            return table;
        }
    }

    private static Dictionary<string, ReferenceCase> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.DataFile("optimization-reference.json")));
        return doc.RootElement.EnumerateArray()
            .Select(e => e.Clone())
            .Select(e => new ReferenceCase(e.GetProperty("name").GetString()!, e.GetProperty("data").GetString()!, e.GetProperty("method").GetString()!, e.GetProperty("params"), e))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
    }
}
