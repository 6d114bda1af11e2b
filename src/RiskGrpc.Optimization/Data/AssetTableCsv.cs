using System.Globalization;

namespace RiskGrpc.Optimization.Data;

/// <summary>
/// Reads a CSV whose header is a label column (a date) followed by one column per asset; an empty cell (or NaN) is a
/// missing value. Any other unparsable cell is an error naming its line and column.
/// </summary>
public static class AssetTableCsv
{
    /// <summary>Reads the table from <paramref name="reader"/>.</summary>
    public static AssetTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw Guard.Invalid("CSV is empty", "csv");
        var names = header.Split(',').Select(s => s.Trim().Trim('"')).ToArray();
        if (names.Length < 2)
        {
            throw Guard.Invalid("CSV header needs a label column and at least one asset column", "csv");
        }

        var assets = names[1..];
        var labels = new List<string>();
        var rows = new List<double[]>();
        string? line;
        var lineNo = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw Guard.Invalid($"CSV line {lineNo} has {cells.Length} cells, expected {names.Length}", "csv");
            }

            var row = new double[assets.Length];
            for (var j = 0; j < assets.Length; j++)
            {
                var cell = cells[j + 1].Trim();
                if (cell.Length == 0 || cell.Equals("NaN", StringComparison.OrdinalIgnoreCase))
                {
                    row[j] = double.NaN;
                }
                else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out row[j]) || !double.IsFinite(row[j]))
                {
                    throw Guard.Invalid($"CSV line {lineNo}, column '{assets[j]}': '{cell}' is not a number", "csv");
                }
            }

            labels.Add(cells[0].Trim());
            rows.Add(row);
        }

        var values = new double[rows.Count, assets.Length];
        for (var t = 0; t < rows.Count; t++)
        {
            for (var j = 0; j < assets.Length; j++)
            {
                values[t, j] = rows[t][j];
            }
        }

        return new AssetTable(assets, labels, values);
    }

    /// <summary>Reads the table from a file.</summary>
    public static AssetTable ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }
}
