using Grpc.Core;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>A request stream over a fixed list, yielding between messages so reading interleaves with other work.</summary>
public sealed class ListStreamReader<T>(IReadOnlyList<T> items) : IAsyncStreamReader<T>
    where T : class
{
    private int _next = -1;

    /// <inheritdoc />
    public T Current => _next >= 0 && _next < items.Count ? items[_next] : throw new InvalidOperationException("no current message");

    /// <inheritdoc />
    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return ++_next < items.Count;
    }
}
