using System.Collections.Concurrent;
using Grpc.Core;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// A response stream that throws on overlapping writes (gRPC allows one pending write at a time), takes a little time
/// per write so overlaps would show, and can fail after a number of writes to act as a client that went away.
/// </summary>
public sealed class SerialStreamWriter<T>(int failAfter = int.MaxValue) : IServerStreamWriter<T>
    where T : class
{
    private readonly ConcurrentQueue<T> _written = new();
    private int _writing;
    private int _overlaps;

    /// <summary>Messages written, in order.</summary>
    public IReadOnlyList<T> Written => [.. _written];

    /// <summary>How many writes started while another was pending.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <inheritdoc />
    public WriteOptions? WriteOptions { get; set; }

    /// <inheritdoc />
    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        // The server's real writer honours the token (the interface's default implementation would refuse it).
        cancellationToken.ThrowIfCancellationRequested();
        return WriteAsync(message);
    }

    /// <inheritdoc />
    public async Task WriteAsync(T message)
    {
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            Interlocked.Increment(ref _overlaps);
            throw new InvalidOperationException("overlapping WriteAsync");
        }

        try
        {
            if (_written.Count >= failAfter)
            {
                throw new IOException("client went away");
            }

            await Task.Delay(1);
            _written.Enqueue(message);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }
}
