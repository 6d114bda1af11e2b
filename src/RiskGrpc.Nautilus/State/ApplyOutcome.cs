namespace RiskGrpc.Nautilus.State;

/// <summary>What applying one decoded message did.</summary>
internal enum ApplyOutcome
{
    /// <summary>The state changed (or the message was a valid no-op such as an older AccountState).</summary>
    Applied,

    /// <summary>An OrderFilled already seen on the other topic.</summary>
    DuplicateFill,

    /// <summary>A heartbeat, a known type the bridge does not use, or an unknown type.</summary>
    Ignored,
}
