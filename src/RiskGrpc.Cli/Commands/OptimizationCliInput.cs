using System.Globalization;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Data;

namespace RiskGrpc.Cli.Commands;

/// <summary>Reads the CSV inputs of the optimization commands (prices/returns tables, an expected-returns vector, a covariance matrix).</summary>
internal static class OptimizationCliInput
{
    /// <summary>Returns from <c>--prices FILE</c> (simple returns, gaps kept) or <c>--returns FILE</c>.</summary>
    public static AssetTable? Returns(OptimizationCliArguments args)
    {
        var prices = args.Value("--prices");
        var returns = args.Value("--returns");
        if (prices is not null && returns is not null)
        {
            throw OptimizationCliArguments.Bad("give either --prices or --returns, not both");
        }

        if (prices is not null)
        {
            return Read(prices).ToSimpleReturns();
        }

        return returns is null ? null : Read(returns);
    }

    /// <summary>CSV lines <c>asset,value</c> (an optional header line is skipped) in file order.</summary>
    public static (string[] Assets, double[] Values) Vector(string path)
    {
        var assets = new List<string>();
        var values = new List<double>();
        foreach (var (line, number) in Lines(path))
        {
            var cells = line.Split(',');
            if (cells.Length != 2)
            {
                throw OptimizationCliArguments.Bad($"{path}:{number}: expected 'asset,value'");
            }

            if (!double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                if (number == 1)
                {
                    continue; // header
                }

                throw OptimizationCliArguments.Bad($"{path}:{number}: '{cells[1].Trim()}' is not a number");
            }

            assets.Add(cells[0].Trim());
            values.Add(v);
        }

        return ([.. assets], [.. values]);
    }

    /// <summary>A square matrix CSV whose header row and first column name the assets.</summary>
    public static (string[] Assets, double[,] Matrix) Matrix(string path)
    {
        var rows = Lines(path).ToList();
        if (rows.Count < 2)
        {
            throw OptimizationCliArguments.Bad($"{path}: covariance needs a header row and one row per asset");
        }

        var assets = rows[0].Line.Split(',').Skip(1).Select(s => s.Trim()).ToArray();
        var n = assets.Length;
        if (rows.Count - 1 != n)
        {
            throw OptimizationCliArguments.Bad($"{path}: {n} assets in the header but {rows.Count - 1} rows");
        }

        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var (line, number) = rows[i + 1];
            var cells = line.Split(',');
            if (cells.Length != n + 1 || cells[0].Trim() != assets[i])
            {
                throw OptimizationCliArguments.Bad($"{path}:{number}: expected '{assets[i]}' followed by {n} values");
            }

            for (var j = 0; j < n; j++)
            {
                if (!double.TryParse(cells[j + 1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out m[i, j]))
                {
                    throw OptimizationCliArguments.Bad($"{path}:{number}: '{cells[j + 1].Trim()}' is not a number");
                }
            }
        }

        return (assets, m);
    }

    private static AssetTable Read(string path)
    {
        try
        {
            return AssetTableCsv.ReadFile(path);
        }
        catch (OptimizationException ex)
        {
            throw OptimizationCliArguments.Bad($"{path}: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw OptimizationCliArguments.Bad($"cannot read {path}: {ex.Message}");
        }
    }

    private static IEnumerable<(string Line, int Number)> Lines(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException ex)
        {
            throw OptimizationCliArguments.Bad($"cannot read {path}: {ex.Message}");
        }

        return lines.Select((l, i) => (l, i + 1)).Where(p => p.l.Trim().Length > 0);
    }
}
