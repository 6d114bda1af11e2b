namespace RiskGrpc.Backtesting;

/// <summary>An invalid backtest request; <see cref="Field"/> names the offending input.</summary>
public sealed class BacktestException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public BacktestException(string message, string field)
        : base(message) => Field = field;

    /// <summary>Creates the exception.</summary>
    public BacktestException()
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public BacktestException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public BacktestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The request field at fault.</summary>
    public string Field { get; }
}
