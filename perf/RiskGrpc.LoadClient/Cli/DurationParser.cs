using System.Globalization;

namespace RiskGrpc.LoadClient.Cli;

/// <summary>Parses Go-style durations as ghz and h2load take them: <c>10s</c>, <c>500ms</c>, <c>1.5m</c>, <c>2m30s</c>, <c>1h</c>.</summary>
internal static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="UsageException"/> naming <paramref name="option"/> on bad input.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        if (!TryParse(text, out var value))
        {
            throw new UsageException($"{option}: '{text}' is not a duration (examples: 10s, 500ms, 1m, 2m30s)");
        }

        return value;
    }

    /// <summary>Parses a sequence of number+unit pairs (units ns, us, µs, ms, s, m, h). A bare number is refused.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        double totalSeconds = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 ||
                !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            double? scale = span[..unitLength] switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (scale is null)
            {
                return false;
            }

            totalSeconds += number * scale.Value;
            span = span[unitLength..];
        }

        if (totalSeconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }
}
