using System.Globalization;

namespace RiskGrpc.Cli.Metrics;

/// <summary>
/// Reads <c>value</c> or <c>date,value</c> CSV. An optional header is recognised on the first line only (its value cell
/// is not a number). An empty cell or <c>NaN</c> (any case) is a missing value; so is an empty line in a one-column
/// file, except trailing empty lines. Anything else that is not a number is an error naming the file and line.
/// </summary>
internal static class CsvSeriesReader
{
    public static CsvSeries Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot read '{path}': {ex.Message}");
        }

        var count = lines.Length;
        while (count > 0 && lines[count - 1].Trim().Length == 0)
        {
            count--;
        }

        var values = new List<double>(count);
        var dates = new List<DateTime>(count);
        var rowLines = new List<int>(count);
        var columns = 0;
        for (var i = 0; i < count; i++)
        {
            var cells = lines[i].Split(',');
            var lineNumber = i + 1;
            if (columns == 0)
            {
                columns = cells.Length;
                if (columns > 2)
                {
                    throw new CliInputException($"{path}:{lineNumber}: expected 1 column (value) or 2 (date,value), found {columns}");
                }

                if (IsHeader(cells[^1]))
                {
                    continue;
                }
            }
            else if (cells.Length != columns)
            {
                throw new CliInputException($"{path}:{lineNumber}: expected {columns} column(s), found {cells.Length}");
            }

            if (columns == 2)
            {
                dates.Add(ParseDate(path, lineNumber, cells[0]));
            }

            values.Add(ParseValue(path, lineNumber, cells[^1]));
            rowLines.Add(lineNumber);
        }

        if (values.Count == 0)
        {
            throw new CliInputException($"{path}: no data rows");
        }

        return new CsvSeries(path, [.. values], columns == 2 ? [.. dates] : null, [.. rowLines]);
    }

    private static bool IsHeader(string cell)
    {
        var text = cell.Trim();
        return text.Length > 0 && !text.Equals("NaN", StringComparison.OrdinalIgnoreCase) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static double ParseValue(string path, int line, string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliInputException($"{path}:{line}: '{text}' is not a number");
    }

    private static DateTime ParseDate(string path, int line, string cell)
    {
        var text = cell.Trim();
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new CliInputException($"{path}:{line}: '{text}' is not a date");
    }
}
