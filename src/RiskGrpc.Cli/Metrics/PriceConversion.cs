namespace RiskGrpc.Cli.Metrics;

/// <summary>
/// <c>--prices</c>: simple returns r_t = p_t / p_prev − 1, where p_prev is the last price present before row t (pandas'
/// pad rule), so a move across a missing price is kept in the next return. A row whose price is missing, or that has no
/// earlier price, is a missing return (then the NaN policy applies).
/// </summary>
internal static class PriceConversion
{
    /// <summary>Turns n prices into n − 1 returns; the dates and lines of the later row of each pair are kept.</summary>
    public static CsvSeries ToReturns(CsvSeries prices)
    {
        var p = prices.Values;
        for (var i = 0; i < p.Length; i++)
        {
            if (!double.IsNaN(p[i]) && !(p[i] > 0 && double.IsFinite(p[i])))
            {
                throw new CliInputException($"{prices.Path}:{prices.Lines[i]}: price {p[i]} must be finite and > 0");
            }
        }

        if (p.Length < 2)
        {
            throw new CliInputException($"{prices.Path}: --prices needs at least 2 prices, found {p.Length}");
        }

        var returns = new double[p.Length - 1];
        var previous = p[0];
        for (var i = 1; i < p.Length; i++)
        {
            returns[i - 1] = double.IsNaN(p[i]) || double.IsNaN(previous) ? double.NaN : (p[i] / previous) - 1;
            if (!double.IsNaN(p[i]))
            {
                previous = p[i];
            }
        }

        return new CsvSeries(prices.Path, returns, prices.Dates?[1..], prices.Lines[1..]);
    }
}
