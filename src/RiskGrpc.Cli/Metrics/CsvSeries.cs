namespace RiskGrpc.Cli.Metrics;

/// <summary>
/// One column of values read from a CSV file (NaN = missing), the UTC dates of the rows when the file had a date
/// column, and the 1-based file line of each row (for error messages).
/// </summary>
internal sealed record CsvSeries(string Path, double[] Values, DateTime[]? Dates, int[] Lines);
