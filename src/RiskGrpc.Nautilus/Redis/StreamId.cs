using System.Globalization;

namespace RiskGrpc.Nautilus.Redis;

/// <summary>A Redis stream entry id <c>{ms}-{seq}</c>, ordered as Redis orders them.</summary>
internal readonly record struct StreamId(ulong Milliseconds, ulong Sequence) : IComparable<StreamId>
{
    /// <summary><c>0-0</c>, before every entry.</summary>
    public static StreamId Zero => default;

    /// <summary>Parses <c>{ms}-{seq}</c> (or <c>{ms}</c>).</summary>
    /// <exception cref="FormatException">Not a stream id.</exception>
    public static StreamId Parse(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var ms = dash < 0 ? text : text[..dash];
        var seq = dash < 0 ? "0" : text[(dash + 1)..];
        if (!ulong.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || !ulong.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        {
            throw new FormatException($"'{text}' is not a stream id");
        }

        return new StreamId(m, s);
    }

    /// <inheritdoc />
    public int CompareTo(StreamId other) => Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(StreamId left, StreamId right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamId left, StreamId right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamId left, StreamId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamId left, StreamId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
