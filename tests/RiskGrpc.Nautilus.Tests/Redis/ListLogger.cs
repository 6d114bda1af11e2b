using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RiskGrpc.Nautilus.Tests.Redis;

/// <summary>Keeps every log record (level, event id, message) for assertions.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Records { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Records.Enqueue((logLevel, eventId, formatter(state, exception)));
}
