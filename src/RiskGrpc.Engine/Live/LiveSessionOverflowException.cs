namespace RiskGrpc.Engine.Live;

/// <summary>Completes a session's outbox when its client stopped reading and the outbox filled up.</summary>
public sealed class LiveSessionOverflowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiveSessionOverflowException()
        : base("The stream's outbox is full: the client is not reading its responses.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LiveSessionOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LiveSessionOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
