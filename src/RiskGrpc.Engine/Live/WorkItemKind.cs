namespace RiskGrpc.Engine.Live;

/// <summary>What a partition worker is asked to do.</summary>
internal enum WorkItemKind
{
    /// <summary>Not used.</summary>
    Unspecified = 0,

    /// <summary>Apply a session's event (holds one in-flight credit).</summary>
    Event,

    /// <summary>Subscribe a session to a portfolio (holds one in-flight credit).</summary>
    Watch,

    /// <summary>Publish a paced update that is due.</summary>
    Flush,

    /// <summary>Drop idle portfolios.</summary>
    Sweep,
}
