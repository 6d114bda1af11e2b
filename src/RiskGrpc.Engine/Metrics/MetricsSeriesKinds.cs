namespace RiskGrpc.Engine.Metrics;

/// <summary>The series a <see cref="MetricsResult"/> can carry besides the scalar metrics.</summary>
[Flags]
public enum MetricsSeriesKinds
{
    /// <summary>No series.</summary>
    None = 0,

    /// <summary>Cumulative returns W_t − 1.</summary>
    Cumulative = 1,

    /// <summary>Underwater series dd_t = W_t / peak_t − 1.</summary>
    Underwater = 2,

    /// <summary>Compounded returns per calendar month; needs timestamps.</summary>
    Monthly = 4,

    /// <summary>Compounded returns per calendar year; needs timestamps.</summary>
    Yearly = 8,
}
