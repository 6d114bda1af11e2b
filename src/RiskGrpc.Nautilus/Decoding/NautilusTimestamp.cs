using System.Globalization;

namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// Nautilus timestamps as UNIX nanoseconds. The bus writes them as digit strings (v1), JSON integers (v2) or
/// ISO 8601 / RFC 3339 text (<c>timestamps_as_iso8601</c>, heartbeats) with up to nine fractional digits,
/// which <see cref="DateTimeOffset"/> alone would truncate to 100 ns.
/// </summary>
internal static class NautilusTimestamp
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>Converts a decoded value (integer, digit string or ISO 8601 text) to UNIX ns.</summary>
    /// <exception cref="FormatException">The value is none of those, or negative.</exception>
    public static ulong From(object? value) => value switch
    {
        ulong u => u,
        long l when l >= 0 => (ulong)l,
        decimal d when d >= 0 && d == decimal.Truncate(d) && d <= ulong.MaxValue => (ulong)d,
        string s => Parse(s),
        _ => throw new FormatException($"a timestamp must be an integer, a digit string or ISO 8601, got {Describe(value)}"),
    };

    /// <summary>Parses a digit string or ISO 8601 text.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static ulong Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return ParseIso8601(text);
    }

    /// <summary>UNIX ns of <paramref name="value"/>.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset value) => (ulong)(value - Epoch).Ticks * 100;

    /// <summary>The instant of UNIX ns <paramref name="ns"/>, truncated to 100 ns.</summary>
    public static DateTimeOffset ToDateTimeOffset(ulong ns) => Epoch.AddTicks((long)(ns / 100));

    private static ulong ParseIso8601(string text)
    {
        // Split off the fraction so that nine digits survive: "2024-01-02T09:10:05.123456789+00:00".
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var fractionNs = 0UL;
        var withoutFraction = text;
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var digits = text.AsSpan(dot + 1, end - dot - 1);
            if (digits.Length is 0 or > 9)
            {
                throw new FormatException($"'{text}' has a fraction of {digits.Length} digits (1 to 9 allowed)");
            }

            fractionNs = ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            for (var i = digits.Length; i < 9; i++)
            {
                fractionNs *= 10;
            }

            withoutFraction = string.Concat(text.AsSpan(0, dot), text.AsSpan(end));
        }

        if (!DateTimeOffset.TryParse(withoutFraction, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            || instant < Epoch)
        {
            throw new FormatException($"'{text}' is not an ISO 8601 timestamp after 1970");
        }

        return FromDateTimeOffset(instant) + fractionNs;
    }

    private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
