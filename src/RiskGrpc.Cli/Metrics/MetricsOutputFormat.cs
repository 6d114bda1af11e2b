namespace RiskGrpc.Cli.Metrics;

/// <summary>How <c>riskgrpc metrics</c> prints its result.</summary>
internal enum MetricsOutputFormat
{
    /// <summary>Aligned <c>name value</c> lines.</summary>
    Table,

    /// <summary>One JSON object mapping every catalogue name to its value.</summary>
    Json,
}
