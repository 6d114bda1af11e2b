using RiskGrpc.Optimization.Data;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Backtesting.Tests;

/// <summary>Daily returns of the stocks in stock_prices.csv that trade from 1990, and small synthetic tables.</summary>
internal static class BacktestData
{
    public static readonly string[] LongHistoryAssets = ["AAPL", "GE", "WMT", "BAC", "T", "XOM", "PFE", "JPM"];

    private static readonly Lazy<AssetTable> AllReturns = new(() => AssetTableCsv.ReadFile(SharedData.DataFile("stock_prices.csv")).ToSimpleReturns());

    /// <summary>Returns of <paramref name="assets"/> over the first <paramref name="rows"/> rows where all of them trade.</summary>
    public static AssetTable Stocks(IReadOnlyList<string> assets, int rows)
    {
        var complete = AllReturns.Value.SelectAssets(assets).CompleteRows();
        var take = Math.Min(rows, complete.RowCount);
        var values = new double[take, assets.Count];
        for (var r = 0; r < take; r++)
        {
            for (var a = 0; a < assets.Count; a++)
            {
                values[r, a] = complete.Values[r, a];
            }
        }

        return new AssetTable(assets, [.. complete.Labels.Take(take)], values);
    }

    /// <summary>All returns of the file (NaN before an asset's listing).</summary>
    public static AssetTable AllStocks => AllReturns.Value;

    /// <summary>Business-day dated table of <paramref name="values"/>.</summary>
    public static AssetTable Dated(double[,] values, DateOnly start)
    {
        var labels = new List<string>();
        var date = start;
        while (labels.Count < values.GetLength(0))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                labels.Add(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            date = date.AddDays(1);
        }

        var assets = Enumerable.Range(0, values.GetLength(1)).Select(i => $"A{i}").ToArray();
        return new AssetTable(assets, labels, values);
    }

    /// <summary>Gaussian returns with seed-fixed draws.</summary>
    public static double[,] Random(int rows, int assets, int seed, double mean = 0.0004, double sd = 0.01)
    {
        var random = new Random(seed);
        var values = new double[rows, assets];
        for (var r = 0; r < rows; r++)
        {
            for (var a = 0; a < assets; a++)
            {
                var u1 = 1 - random.NextDouble();
                var u2 = random.NextDouble();
                values[r, a] = mean + (sd * (1 + (0.3 * a)) * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
        }

        return values;
    }
}
