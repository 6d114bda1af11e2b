namespace RiskGrpc.Engine.Live;

/// <summary>
/// One portfolio event as the engine sees it, a value type so that queuing it allocates nothing. Only the
/// members of its <see cref="Kind"/> are read; the engine validates them (finite numbers, ids present).
/// </summary>
public readonly struct LiveEvent
{
    /// <summary>What the event carries.</summary>
    public LiveEventKind Kind { get; init; }

    /// <summary>The portfolio, 1 to 128 characters.</summary>
    public string PortfolioId { get; init; }

    /// <summary>The writer's sequence; must be last applied + 1 for sequenced kinds.</summary>
    public ulong Sequence { get; init; }

    /// <summary>When the event happened; null means its receipt time.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The return of a <see cref="LiveEventKind.ReturnObservation"/>.</summary>
    public double Value { get; init; }

    /// <summary>The benchmark return of a <see cref="LiveEventKind.ReturnObservation"/>, if streamed.</summary>
    public double? BenchmarkReturn { get; init; }

    /// <summary>The instrument of a mark or fill.</summary>
    public string? Instrument { get; init; }

    /// <summary>The signed quantity of a fill.</summary>
    public double Quantity { get; init; }

    /// <summary>The price of a mark or fill.</summary>
    public double Price { get; init; }

    /// <summary>The change of a <see cref="LiveEventKind.Configuration"/>.</summary>
    public LiveConfigurationChange? Configuration { get; init; }

    /// <summary>
    /// A problem the edge found while translating the wire message (e.g. an unknown enum value). The engine
    /// rejects such an event with INVALID_ARGUMENT after the writer and sequence checks, consuming its sequence
    /// like any other invalid content.
    /// </summary>
    public string? MappingError { get; init; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the server received the event (for processing time).</summary>
    public long ReceivedTimestamp { get; init; }
}
