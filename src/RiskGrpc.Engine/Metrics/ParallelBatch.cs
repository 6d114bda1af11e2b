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
    public static void Run<TResult>(TResult[] destination, Func<int, TResult> body)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(body);
        if (destination.Length == 1)
        {
            destination[0] = body(0);
            return;
        }

        Parallel.For(0, destination.Length, Options, i => destination[i] = body(i));
    }
}
