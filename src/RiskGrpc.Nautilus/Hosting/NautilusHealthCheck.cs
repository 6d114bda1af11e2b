using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RiskGrpc.Nautilus.Hosting;

/// <summary>
/// Health of the bridge (check <see cref="Name"/>): Unhealthy while the reader has no Redis connection, or when the node
/// has been silent (no entry, not even a heartbeat) for longer than <see cref="NautilusOptions.NodeSilenceTimeout"/>;
/// Healthy otherwise. The server maps it to its own gRPC health service name, so the server's overall health
/// (service "") does not depend on the bus.
/// </summary>
internal sealed class NautilusHealthCheck(NautilusOptions options, NautilusBridgeStatistics statistics, TimeProvider time) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "nautilus";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["entries_read"] = statistics.EntriesRead,
            ["last_entry_id"] = statistics.LastEntryId,
            ["last_heartbeat_ns"] = statistics.LastHeartbeatNs,
            ["malformed"] = statistics.Malformed,
            ["resyncs"] = statistics.Resyncs,
        };
        if (!statistics.ReaderConnected)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the Nautilus bridge is not connected to Redis", data: data));
        }

        var last = statistics.LastActivityTimestamp;
        if (options.NodeSilenceTimeout > TimeSpan.Zero && last != 0 && time.GetElapsedTime(last) > options.NodeSilenceTimeout)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the Nautilus node has been silent for more than {options.NodeSilenceTimeout}", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("reading the Nautilus bus", data));
    }
}
