namespace RiskGrpc.LoadClient.Cli;

/// <summary>A bad command line. The dispatcher prints the message as one line to stderr and exits with code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
