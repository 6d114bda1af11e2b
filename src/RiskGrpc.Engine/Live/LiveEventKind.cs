namespace RiskGrpc.Engine.Live;

/// <summary>What a <see cref="LiveEvent"/> carries.</summary>
public enum LiveEventKind
{
    /// <summary>Not set; rejected with INVALID_ARGUMENT.</summary>
    Unspecified = 0,

    /// <summary>A return observation (sequenced).</summary>
    ReturnObservation,

    /// <summary>A mark price (sequenced).</summary>
    MarkPrice,

    /// <summary>A fill (sequenced).</summary>
    PositionChange,

    /// <summary>A configuration change (sequenced).</summary>
    Configuration,

    /// <summary>A request for the current risk (not sequenced, does not claim the writer role).</summary>
    Snapshot,

    /// <summary>Claims the writer role and asks for the last applied sequence (not sequenced).</summary>
    Attach,
}
