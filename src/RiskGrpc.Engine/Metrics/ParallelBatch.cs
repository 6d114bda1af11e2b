namespace RiskGrpc.Engine.Metrics;

/// <summary>Runs independent work items over all cores; shared by the engine and front ends that map their own items.</summary>
public static class ParallelBatch
{
    private static readonly ParallelOptions Options = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>
    /// Sets <paramref name="destination"/>[i] = <paramref name="body"/>(i) for every i, in parallel when there is more
    /// than one item. <paramref name="body"/> must capture its own per-item errors: an exception escaping it fails the
    /// whole batch (as an <see cref="AggregateException"/>).
    /// </summary>
    public static void Run<TResult>(TResult[] destination, Func<int, TResult> body) => Run(destination, body, CancellationToken.None);

    /// <summary>
    /// As <see cref="Run{TResult}(TResult[], Func{int, TResult})"/>, checking <paramref name="cancellationToken"/> between
    /// items: once it is cancelled no further item starts and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public static void Run<TResult>(TResult[] destination, Func<int, TResult> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(body);
        cancellationToken.ThrowIfCancellationRequested();
        if (destination.Length == 1)
        {
            destination[0] = body(0);
            return;
        }

        if (!cancellationToken.CanBeCanceled)
        {
            Parallel.For(0, destination.Length, Options, i => destination[i] = body(i));
            return;
        }

        // Parallel.For polls its own token only now and then; checking before every item stops within one item per core.
        Parallel.For(0, destination.Length, Options, (i, state) =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                state.Stop();
                return;
            }

            destination[i] = body(i);
        });
        cancellationToken.ThrowIfCancellationRequested();
    }
}
