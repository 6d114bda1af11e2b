namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// A request is invalid. <see cref="Field"/> is the proto field name (e.g. <c>returns</c>, <c>periods_per_year</c>,
/// <c>rolling.window</c>) and <see cref="Index"/> the element index within it, or −1 when the whole field is at fault.
/// </summary>
public sealed class MetricsValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>[<paramref name="index"/>].</summary>
    public MetricsValidationException(string field, int index, string description)
        : base(FormatPath(field, index) + ": " + description)
    {
        Field = field;
        Index = index;
        Description = description;
    }

    /// <summary>Creates the exception for a whole field.</summary>
    public MetricsValidationException(string field, string description)
        : this(field, -1, description)
    {
    }

    /// <summary>The proto field name.</summary>
    public string Field { get; }

    /// <summary>The element index within <see cref="Field"/>, or −1.</summary>
    public int Index { get; }

    /// <summary>What is wrong, without the field path.</summary>
    public string Description { get; }

    /// <summary>The field path: <c>field[index]</c> or <c>field</c>.</summary>
    public string FieldPath => FormatPath(Field, Index);

    private static string FormatPath(string field, int index) => index >= 0 ? $"{field}[{index}]" : field;
}
