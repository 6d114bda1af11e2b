using System.Diagnostics;
using Grpc.Core;
using RiskGrpc.LoadClient.Load;
using RiskGrpc.LoadClient.Measurement;
using RiskGrpc.LoadClient.Transport;

namespace RiskGrpc.LoadClient.Unary;

/// <summary>
/// Unary load on one call over its own connections: the first call (timed, connection set-up included), one priming
/// call per extra connection, then one or more measured closed-loop rounds that all feed the same recorder.
/// Several rounds let <c>compare</c> interleave two calls so slow drift on a shared machine hits both alike.
/// </summary>
internal sealed class UnaryLoad : IDisposable
{
    private readonly ChannelPool _pool;
    private readonly IUnaryCall _call;
    private readonly UnaryOptions _options;
    private readonly LatencyRecorder _recorder = new();
    private long _firstCallNanoseconds;
    private TimeSpan _total;
    private string _endReason = "";
    private TimeSpan _clientCpu;
    private TimeSpan _serverCpu;
    private bool _serverCpuKnown = true;

    private UnaryLoad(UnaryOptions options, IUnaryCall call)
    {
        _options = options;
        _call = call;
        _pool = new ChannelPool(options.Target, options.Connections);
    }

    /// <summary>Opens the connections with a timed first call and a priming call on each further connection.</summary>
    /// <exception cref="LoadRunException">The first call did not succeed (server down, wrong target, method missing).</exception>
    public static async Task<UnaryLoad> OpenAsync(UnaryOptions options, IUnaryCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(call);
        var load = new UnaryLoad(options, call);
        try
        {
            var start = Stopwatch.GetTimestamp();
            await load.CallOnceAsync(0, cancellationToken);
            load._firstCallNanoseconds = LatencyRecorder.TicksToNanoseconds(Stopwatch.GetTimestamp() - start);
            for (var c = 1; c < load._pool.Connections; c++)
            {
                await load.CallOnceAsync(c, cancellationToken);
            }

            return load;
        }
        catch
        {
            load.Dispose();
            throw;
        }
    }

    /// <summary>Runs one call under <paramref name="options"/> in a single round and summarises it.</summary>
    public static async Task<LoadSummary> RunAsync(UnaryOptions options, IUnaryCall call, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var load = await OpenAsync(options, call, cancellationToken);
        await load.RunRoundAsync(options.Limits, cancellationToken);
        return load.Summarise(time);
    }

    /// <summary>Runs one measured round (warm-up first) and adds it to the totals.</summary>
    public async Task RunRoundAsync(RunLimits limits, CancellationToken cancellationToken)
    {
        var clientAtStart = TimeSpan.Zero;
        TimeSpan? serverAtStart = null;
        var (total, reason) = await ClosedLoopRunner.RunAsync(
            worker => _call.Bind(_pool.ForWorker(worker)),
            limits,
            _recorder,
            cancellationToken,
            measurementStarted: () =>
            {
                clientAtStart = ProcessCpu.Self();
                serverAtStart = _options.ServerPid is { } pid ? ProcessCpu.OfPid(pid) : null;
            });
        _clientCpu += ProcessCpu.Self() - clientAtStart;
        if (_options.ServerPid is { } serverPid && serverAtStart is { } before && ProcessCpu.OfPid(serverPid) is { } after)
        {
            _serverCpu += after - before;
        }
        else
        {
            _serverCpuKnown = false;
        }

        _total += total;
        _endReason = reason;
    }

    /// <summary>The summary over every round so far: counts add up, time is the sum of the measured windows.</summary>
    public LoadSummary Summarise(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        // CPU per measured call (warm-up excluded): a noise-resistant cost figure for client and server.
        var counters = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var count = Math.Max(1, _recorder.Count);
        counters["clientCpuNsPerCall"] = (long)(_clientCpu.TotalNanoseconds / count);
        if (_options.ServerPid is not null && _serverCpuKnown)
        {
            counters["serverCpuNsPerCall"] = (long)(_serverCpu.TotalNanoseconds / count);
        }

        return _recorder.ToSummary(_total, _firstCallNanoseconds, _endReason, counters) with
        {
            Date = time.GetUtcNow(),
            Options = _options.Describe(_call),
        };
    }

    public void Dispose() => _pool.Dispose();

    private async Task CallOnceAsync(int connection, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await _call.Bind(_pool.ForWorker(connection))(timeout.Token);
        }
        catch (RpcException e)
        {
            throw new LoadRunException(
                $"first call {_call.Method} to {_options.Target} failed: {StatusNames.Of(e.StatusCode)}: {e.Status.Detail}", e);
        }
    }
}
