namespace RiskGrpc.Server.Hosting;

/// <summary>Server settings bound from configuration section <c>RiskGrpc</c> (engine limits live in <c>RiskGrpc:Limits</c>).</summary>
internal sealed class RiskGrpcServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "RiskGrpc";

    /// <summary>Largest gRPC message the server accepts, in bytes (larger is RESOURCE_EXHAUSTED). Default 64 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest gRPC message the server sends, in bytes. Default 64 MiB.</summary>
    public int MaxSendMessageSize { get; set; } = 64 * 1024 * 1024;

    /// <summary>How long a graceful shutdown waits for in-flight calls. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests of one StreamMetrics call computed at the same time; 0 means one per core.</summary>
    public int StreamMaxConcurrency { get; set; }

    /// <summary>Answers of one StreamMetrics call buffered ahead of its writer. Default 64.</summary>
    public int StreamQueueCapacity { get; set; } = 64;

    /// <summary>StreamMaxConcurrency with the 0 → processor count default applied.</summary>
    public int EffectiveStreamMaxConcurrency => StreamMaxConcurrency == 0 ? Environment.ProcessorCount : StreamMaxConcurrency;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(MaxReceiveMessageSize > 0, nameof(MaxReceiveMessageSize), MaxReceiveMessageSize);
        Require(MaxSendMessageSize > 0, nameof(MaxSendMessageSize), MaxSendMessageSize);
        Require(ShutdownTimeout > TimeSpan.Zero, nameof(ShutdownTimeout), ShutdownTimeout);
        Require(StreamMaxConcurrency >= 0, nameof(StreamMaxConcurrency), StreamMaxConcurrency);
        Require(StreamQueueCapacity > 0, nameof(StreamQueueCapacity), StreamQueueCapacity);
    }

    private static void Require(bool ok, string name, object value)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Configuration {SectionName}:{name} = {value} is out of range");
        }
    }
}
