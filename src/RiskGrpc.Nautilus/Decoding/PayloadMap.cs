using System.Globalization;

namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// Typed, tolerant access to one decoded payload map. Numbers are read from decimal strings or numbers alike
/// (v1 writes prices as strings and <c>signed_qty</c> as a float; v2 may write either). A missing or mistyped
/// required field throws <see cref="FormatException"/> naming the field, which marks the entry malformed.
/// </summary>
internal sealed class PayloadMap(IReadOnlyDictionary<string, object?> values)
{
    /// <summary>The raw values by key.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    /// <summary>The payload's <c>type</c>, or null.</summary>
    public string? Type => Values.TryGetValue("type", out var t) ? t as string : null;

    /// <summary>Keys not in <paramref name="known"/> (counted, then ignored).</summary>
    public int CountUnknown(IReadOnlySet<string> known) => Values.Keys.Count(k => !known.Contains(k));

    /// <summary>A required string.</summary>
    public string String(string name) => OptionalString(name) ?? throw Missing(name);

    /// <summary>A string, or null when absent or null.</summary>
    public string? OptionalString(string name) => Get(name) switch
    {
        null => null,
        string s => s,
        var other => throw Mistyped(name, "a string", other),
    };

    /// <summary>A required decimal (from a decimal string or a number).</summary>
    public decimal Decimal(string name) => OptionalDecimal(name) ?? throw Missing(name);

    /// <summary>Largest magnitude accepted for a price, quantity or amount (keeps every product of two far from decimal overflow).</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>A decimal, or null when absent or null.</summary>
    public decimal? OptionalDecimal(string name) => ParseDecimal(name) switch
    {
        null => null,
        var d when Math.Abs(d.Value) > MaxMagnitude => throw new FormatException($"{name} {d} is beyond ±{MaxMagnitude}"),
        var d => d,
    };

    private decimal? ParseDecimal(string name) => Get(name) switch
    {
        null => null,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        decimal d => d,
        long l => l,
        ulong u => u,
        double f when double.IsFinite(f) => (decimal)f,
        var other => throw Mistyped(name, "a decimal", other),
    };

    /// <summary>A required <c>Money</c> string.</summary>
    public Money Money(string name) => OptionalMoney(name) ?? throw Missing(name);

    /// <summary>A <c>Money</c> string, or null when absent or null.</summary>
    public Money? OptionalMoney(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Decoding.Money.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{name}: {ex.Message}", ex);
        }
    }

    /// <summary>A required timestamp in UNIX ns.</summary>
    public ulong Timestamp(string name) => OptionalTimestamp(name) ?? throw Missing(name);

    /// <summary>A timestamp in UNIX ns, or null when absent or null.</summary>
    public ulong? OptionalTimestamp(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        try
        {
            return NautilusTimestamp.From(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{name}: {ex.Message}", ex);
        }
    }

    /// <summary>A boolean, or <paramref name="fallback"/> when absent.</summary>
    public bool Boolean(string name, bool fallback) => Get(name) switch
    {
        null => fallback,
        bool b => b,
        var other => throw Mistyped(name, "a boolean", other),
    };

    /// <summary>A list of maps (e.g. <c>balances</c>); empty when absent or null.</summary>
    public IReadOnlyList<PayloadMap> Maps(string name) => Get(name) switch
    {
        null => [],
        List<object?> list => list.Select((item, i) => item is IReadOnlyDictionary<string, object?> map
            ? new PayloadMap(map)
            : throw new FormatException($"{name}[{i}] is not a map")).ToList(),
        var other => throw Mistyped(name, "a list", other),
    };

    /// <summary>A nested map, or null when absent.</summary>
    public PayloadMap? Map(string name) => Get(name) switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => new PayloadMap(map),
        var other => throw Mistyped(name, "a map", other),
    };

    private object? Get(string name) => Values.TryGetValue(name, out var value) ? value : null;

    private static FormatException Missing(string name) => new($"{name} is missing");

    private static FormatException Mistyped(string name, string expected, object value) =>
        new($"{name} must be {expected}, got {value.GetType().Name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}'");
}
