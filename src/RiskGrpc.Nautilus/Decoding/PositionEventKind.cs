namespace RiskGrpc.Nautilus.Decoding;

/// <summary>Which position event.</summary>
internal enum PositionEventKind
{
    /// <summary><c>PositionOpened</c>.</summary>
    Opened,

    /// <summary><c>PositionChanged</c>.</summary>
    Changed,

    /// <summary><c>PositionClosed</c> (flat; has no <c>ts_event</c>, its time is <c>ts_closed</c>).</summary>
    Closed,
}
