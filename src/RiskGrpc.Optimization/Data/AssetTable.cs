namespace RiskGrpc.Optimization.Data;

/// <summary>
/// A dated table with one column per asset (prices or simple returns). <see cref="Values"/> is rows × assets;
/// a missing observation is <see cref="double.NaN"/>. Operations return new tables and never fill gaps.
/// </summary>
public sealed class AssetTable
{
    /// <summary>Creates a table; the arrays are not copied.</summary>
    public AssetTable(IReadOnlyList<string> assets, IReadOnlyList<string> labels, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(1) != assets.Count || values.GetLength(0) != labels.Count)
        {
            throw Guard.Invalid($"table is {values.GetLength(0)}x{values.GetLength(1)} but has {labels.Count} row labels and {assets.Count} assets", "values");
        }

        if (assets.Distinct(StringComparer.Ordinal).Count() != assets.Count)
        {
            throw Guard.Invalid("asset names must be unique", "assets");
        }

        Assets = assets;
        Labels = labels;
        Values = values;
    }

    /// <summary>Asset (column) names.</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>Row labels (dates as written in the source).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>rows × assets; NaN = missing.</summary>
    public double[,] Values { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Values.GetLength(0);

    /// <summary>Number of assets.</summary>
    public int AssetCount => Values.GetLength(1);

    /// <summary>The columns named in <paramref name="assets"/>, in that order.</summary>
    public AssetTable SelectAssets(IReadOnlyList<string> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var idx = assets.Select(a =>
        {
            var i = Assets.ToList().IndexOf(a);
            return i >= 0 ? i : throw Guard.Invalid($"unknown asset '{a}'", "assets");
        }).ToArray();
        return Project(Enumerable.Range(0, RowCount).ToArray(), idx);
    }

    /// <summary>Only the rows in which every asset has a value.</summary>
    public AssetTable CompleteRows() => Project(
        Enumerable.Range(0, RowCount).Where(t => Enumerable.Range(0, AssetCount).All(j => !double.IsNaN(Values[t, j]))).ToArray(),
        Enumerable.Range(0, AssetCount).ToArray());

    /// <summary>The last <paramref name="count"/> rows (all rows if fewer).</summary>
    public AssetTable TakeLast(int count)
    {
        var start = Math.Max(0, RowCount - count);
        return Project(Enumerable.Range(start, RowCount - start).ToArray(), Enumerable.Range(0, AssetCount).ToArray());
    }

    /// <summary>
    /// Simple returns rₜ = pₜ/pₜ₋₁ − 1 of a price table, pandas <c>pct_change</c> without forward fill: a return is NaN when
    /// either price is missing. Rows in which every return is NaN (always the first) are dropped.
    /// </summary>
    public AssetTable ToSimpleReturns()
    {
        var rows = new List<int>();
        for (var t = 1; t < RowCount; t++)
        {
            for (var j = 0; j < AssetCount; j++)
            {
                if (!double.IsNaN(Values[t, j]) && !double.IsNaN(Values[t - 1, j]))
                {
                    rows.Add(t);
                    break;
                }
            }
        }

        var values = new double[rows.Count, AssetCount];
        for (var i = 0; i < rows.Count; i++)
        {
            var t = rows[i];
            for (var j = 0; j < AssetCount; j++)
            {
                var prev = Values[t - 1, j];
                var cur = Values[t, j];
                values[i, j] = double.IsNaN(prev) || double.IsNaN(cur) ? double.NaN : (cur / prev) - 1.0;
            }
        }

        return new AssetTable(Assets, rows.Select(t => Labels[t]).ToArray(), values);
    }

    private AssetTable Project(int[] rows, int[] cols)
    {
        var values = new double[rows.Length, cols.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < cols.Length; j++)
            {
                values[i, j] = Values[rows[i], cols[j]];
            }
        }

        return new AssetTable(cols.Select(c => Assets[c]).ToArray(), rows.Select(r => Labels[r]).ToArray(), values);
    }
}
