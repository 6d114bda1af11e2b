namespace RiskGrpc.Nautilus.Decoding;

/// <summary>A <c>Bar</c>: its close marks the instrument when no newer quote has.</summary>
internal sealed record BarMessage(string InstrumentId, decimal Close, ulong TsEvent) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => "Bar";

    /// <summary>
    /// The instrument of a bar type <c>{instrument_id}-{step}-{aggregation}-{price_type}-{source}</c>: everything before
    /// the last four dash-separated parts, so instrument ids that contain dashes survive.
    /// </summary>
    /// <exception cref="FormatException">Fewer than five parts.</exception>
    public static string InstrumentOf(string barType)
    {
        var end = barType.Length;
        for (var i = 0; i < 4; i++)
        {
            end = barType.LastIndexOf('-', end - 1);
            if (end <= 0)
            {
                throw new FormatException($"bar_type '{barType}' is not '{{instrument_id}}-{{step}}-{{aggregation}}-{{price_type}}-{{source}}'");
            }
        }

        return barType[..end];
    }
}
