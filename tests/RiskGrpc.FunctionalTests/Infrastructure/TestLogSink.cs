using System.Collections.Concurrent;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>An <see cref="ILoggerProvider"/> that records every entry of the server under test, from any thread.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    /// <summary>Every entry so far, oldest first.</summary>
    public IReadOnlyList<LogRecord> Records => [.. _records];

    /// <summary>Number of entries so far (a scope's starting mark).</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class SinkLogger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._records.Enqueue(new LogRecord(logLevel, category, eventId, formatter(state, exception), exception));
    }
}
