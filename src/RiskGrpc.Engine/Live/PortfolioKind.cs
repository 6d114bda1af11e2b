namespace RiskGrpc.Engine.Live;

/// <summary>How a portfolio's returns are defined; fixed by its first data event.</summary>
internal enum PortfolioKind
{
    /// <summary>No data event yet.</summary>
    Undetermined = 0,

    /// <summary>The client streams returns.</summary>
    Returns,

    /// <summary>The client streams fills and marks; the server derives returns.</summary>
    Positions,
}
