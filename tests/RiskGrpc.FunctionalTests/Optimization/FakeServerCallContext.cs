using Grpc.Core;

namespace RiskGrpc.FunctionalTests.Optimization;

/// <summary>Minimal <see cref="ServerCallContext"/> for calling service methods directly.</summary>
internal sealed class FakeServerCallContext : ServerCallContext
{
    private readonly Metadata _requestHeaders = [];
    private readonly Metadata _responseTrailers = [];
    private readonly CancellationToken _cancellationToken;

    public FakeServerCallContext(CancellationToken cancellationToken = default) => _cancellationToken = cancellationToken;

    protected override string MethodCore => "/riskgrpc.v1.OptimizerService/Test";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
