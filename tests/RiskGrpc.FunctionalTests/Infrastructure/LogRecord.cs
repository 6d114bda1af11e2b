namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>One log entry the test server wrote.</summary>
public sealed record LogRecord(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message} {Exception}";
}
