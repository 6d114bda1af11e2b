using System.Net.Http;
using System.Threading.Channels;
using Grpc.Core;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.FunctionalTests.LiveRisk;

/// <summary>
/// A Connect call whose responses a background loop collects (optionally not at all, to play a slow client).
/// Every wait is bounded by DefaultTimeout().
/// </summary>
public sealed class LiveStreamClient : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<ConnectRequest, ConnectResponse> _call;
    private readonly Channel<ConnectResponse> _responses = Channel.CreateUnbounded<ConnectResponse>();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource _startReading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private readonly bool _halfCloseOnDraining;
    private bool _requestCompleted;

    /// <param name="client">The service client.</param>
    /// <param name="readImmediately">False plays a client that does not read until <see cref="StartReading"/>.</param>
    /// <param name="halfCloseOnDraining">False plays a client that ignores the server's Draining message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public LiveStreamClient(LiveRiskService.LiveRiskServiceClient client, bool readImmediately = true, bool halfCloseOnDraining = true, CancellationToken cancellationToken = default)
    {
        _halfCloseOnDraining = halfCloseOnDraining;
        _call = client.Connect(cancellationToken: cancellationToken);
        if (readImmediately)
        {
            _startReading.SetResult();
        }

        _reader = Task.Run(ReadAsync, CancellationToken.None);
    }

    /// <summary>The call's final status when the server ended it with an error; null while running or after OK.</summary>
    public RpcException? Failure { get; private set; }

    /// <summary>Set when the connection under the call closed before the call's status arrived.</summary>
    public HttpProtocolException? TransportFailure { get; private set; }

    /// <summary>Set when the server said it is draining (shutting down).</summary>
    public Draining? Draining { get; private set; }

    /// <summary>Starts draining responses (for a client created with readImmediately: false).</summary>
    public void StartReading() => _startReading.TrySetResult();

    public async Task SendAsync(ConnectRequest request)
    {
        await _sendGate.WaitAsync().DefaultTimeout();
        try
        {
            if (_requestCompleted)
            {
                throw new InvalidOperationException("The request stream was completed.");
            }

            await _call.RequestStream.WriteAsync(request).DefaultTimeout();
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public Task SendReturnAsync(string portfolio, ulong sequence, double value, double? benchmark = null)
    {
        var observation = new ReturnObservation { Value = value };
        if (benchmark is { } b)
        {
            observation.BenchmarkReturn = b;
        }

        return SendAsync(new ConnectRequest { PortfolioId = portfolio, Sequence = sequence, ReturnObservation = observation });
    }

    public Task AttachAsync(string portfolio) => SendAsync(new ConnectRequest { PortfolioId = portfolio, Attach = new AttachRequest() });

    /// <summary>Reads responses until one matches; returns everything read including it.</summary>
    public async Task<List<ConnectResponse>> ReadUntilAsync(Func<ConnectResponse, bool> match)
    {
        var seen = new List<ConnectResponse>();
        while (true)
        {
            var response = await _responses.Reader.ReadAsync().DefaultTimeout();
            seen.Add(response);
            if (match(response))
            {
                return seen;
            }
        }
    }

    public async Task<LiveRiskUpdate> WaitForUpdateAsync(string portfolio, ulong sequence)
    {
        var seen = await ReadUntilAsync(r => r.Update is { } u && u.PortfolioId == portfolio && u.LastAppliedSequence >= sequence);
        return seen[^1].Update;
    }

    /// <summary>Completes the request stream and waits for the call to end; returns every response not yet read.</summary>
    public async Task<List<ConnectResponse>> CompleteAsync()
    {
        await CompleteRequestAsync();
        return await DrainAsync();
    }

    /// <summary>Waits for the server to end the call; returns every response not yet read.</summary>
    public async Task<List<ConnectResponse>> DrainAsync()
    {
        await _reader.DefaultTimeout();
        var rest = new List<ConnectResponse>();
        while (_responses.Reader.TryRead(out var response))
        {
            rest.Add(response);
        }

        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        try
        {
            await _reader.DefaultTimeout();
        }
        catch (RpcException)
        {
        }

        _sendGate.Dispose();
    }

    private async Task CompleteRequestAsync()
    {
        await _sendGate.WaitAsync().DefaultTimeout();
        try
        {
            if (!_requestCompleted)
            {
                _requestCompleted = true;
                await _call.RequestStream.CompleteAsync().DefaultTimeout();
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task ReadAsync()
    {
        await _startReading.Task;
        try
        {
            await foreach (var response in _call.ResponseStream.ReadAllAsync())
            {
                if (response.Draining is { } draining)
                {
                    Draining = draining;
                    if (_halfCloseOnDraining)
                    {
                        await CompleteRequestAsync();
                    }
                }

                await _responses.Writer.WriteAsync(response);
            }
        }
        catch (RpcException ex)
        {
            Failure = ex;
        }
        catch (HttpProtocolException ex)
        {
            TransportFailure = ex;
        }
        catch (ObjectDisposedException)
        {
            // The test disposed the call to play a client that vanished.
        }
        finally
        {
            _responses.Writer.TryComplete();
        }
    }
}
