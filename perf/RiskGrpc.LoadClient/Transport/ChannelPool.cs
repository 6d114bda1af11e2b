using System.Net.Http;
using Grpc.Net.Client;

namespace RiskGrpc.LoadClient.Transport;

/// <summary>
/// <see cref="Connections"/> independent <see cref="GrpcChannel"/>s to one target, each over its own
/// <see cref="SocketsHttpHandler"/> and so its own TCP/HTTP/2 connection. <c>EnableMultipleHttp2Connections</c> lets a
/// channel open another connection when the server's stream limit (Kestrel: 100) is reached instead of queueing.
/// Workers pick <c>channel[worker % Connections]</c>, as ghz spreads its workers over <c>--connections</c>.
/// </summary>
internal sealed class ChannelPool : IDisposable
{
    private readonly GrpcChannel[] _channels;

    public ChannelPool(Uri target, int connections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        _channels = new GrpcChannel[connections];
        for (var i = 0; i < connections; i++)
        {
            var handler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            };
            // With RISKGRPC_API_KEY set every call carries x-api-key, to measure a server with authentication on.
            HttpMessageHandler transport = Environment.GetEnvironmentVariable("RISKGRPC_API_KEY") is { Length: > 0 } key
                ? new ApiKeyHandler(key) { InnerHandler = handler }
                : handler;
            _channels[i] = GrpcChannel.ForAddress(target, new GrpcChannelOptions
            {
                HttpHandler = transport,
                DisposeHttpClient = true,
                MaxReceiveMessageSize = 64 * 1024 * 1024,
                MaxSendMessageSize = 64 * 1024 * 1024,
            });
        }
    }

    /// <summary>Number of channels (connections).</summary>
    public int Connections => _channels.Length;

    /// <summary>The channel worker <paramref name="worker"/> uses.</summary>
    public GrpcChannel ForWorker(int worker) => _channels[worker % _channels.Length];

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
