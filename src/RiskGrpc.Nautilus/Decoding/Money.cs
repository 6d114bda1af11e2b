using System.Globalization;

namespace RiskGrpc.Nautilus.Decoding;

/// <summary>A Nautilus <c>Money</c> value: <c>"&lt;amount&gt; &lt;CCY&gt;"</c>, e.g. <c>"-1.36 USD"</c>; the amount keeps its text's scale.</summary>
/// <param name="Amount">The amount, exact.</param>
/// <param name="Currency">The ISO (or crypto) currency code.</param>
internal readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>Parses <c>"&lt;amount&gt; &lt;CCY&gt;"</c>.</summary>
    /// <exception cref="FormatException">The text is not an amount, one space and a currency code.</exception>
    public static Money Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == text.Length - 1 || text.IndexOf(' ', space + 1) >= 0)
        {
            throw new FormatException($"'{text}' is not '<amount> <CCY>'");
        }

        var amount = decimal.Parse(text.AsSpan(0, space), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new Money(amount, text[(space + 1)..]);
    }

    /// <summary>Digits after the decimal point of the amount as written (the currency's precision).</summary>
    public int Scale => Amount.Scale;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");
}
