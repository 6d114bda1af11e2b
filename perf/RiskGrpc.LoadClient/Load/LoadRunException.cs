namespace RiskGrpc.LoadClient.Load;

/// <summary>A run that could not start or complete (e.g. the first call failed). The dispatcher prints one line to stderr and exits with 1.</summary>
internal sealed class LoadRunException : Exception
{
    public LoadRunException(string message)
        : base(message)
    {
    }

    public LoadRunException()
    {
    }

    public LoadRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
