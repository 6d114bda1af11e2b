using Microsoft.Extensions.Logging;

namespace RiskGrpc.Nautilus;

/// <summary>Log messages of the Nautilus bridge (EventIds 9000–9099).</summary>
internal static partial class NautilusBridgeLog
{
    [LoggerMessage(9000, LogLevel.Information, "Nautilus bridge reading {Streams} ({Mode}, v1 encoding {Encoding}, RESP {Protocol}); publishing risk to {PublishStream}")]
    public static partial void Started(ILogger logger, string streams, string mode, NautilusEncoding encoding, string protocol, string publishStream);

    [LoggerMessage(9001, LogLevel.Warning, "Nautilus bridge skipped malformed entry {StreamKey} {EntryId} (topic {Topic}): {Error}")]
    public static partial void MalformedEntry(ILogger logger, string streamKey, string entryId, string? topic, string error);

    [LoggerMessage(9002, LogLevel.Warning, "Nautilus bridge lost Redis ({Error}); reconnecting in {Delay}")]
    public static partial void ConnectionLost(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(9003, LogLevel.Information, "Nautilus bridge connected; resuming {StreamKey} after {EntryId}")]
    public static partial void Resuming(ILogger logger, string streamKey, string entryId);

    [LoggerMessage(9004, LogLevel.Warning, "Nautilus bridge: entries of {StreamKey} after {EntryId} were trimmed before they were read (first retained {FirstRetained}, max deleted {MaxDeleted}); rebuilding from the retained entries and flagging resync")]
    public static partial void TrimmedGap(ILogger logger, string streamKey, string entryId, string firstRetained, string maxDeleted);

    [LoggerMessage(9005, LogLevel.Information, "Nautilus bridge rebuilt state from {Entries} retained entries of {StreamKey} (checkpoint {Checkpoint})")]
    public static partial void Rebuilt(ILogger logger, long entries, string streamKey, string checkpoint);

    [LoggerMessage(9006, LogLevel.Warning, "Nautilus bridge: the live risk engine rejected an event of {PortfolioId}: {Message}")]
    public static partial void EngineRejected(ILogger logger, string portfolioId, string message);

    [LoggerMessage(9007, LogLevel.Warning, "Nautilus bridge could not publish risk ({Error}); retrying")]
    public static partial void PublishFailed(ILogger logger, string error);

    [LoggerMessage(9008, LogLevel.Information, "Nautilus bridge discovered stream {StreamKey}")]
    public static partial void StreamDiscovered(ILogger logger, string streamKey);

    [LoggerMessage(9009, LogLevel.Error, "Nautilus bridge's live risk session ended ({Error}); opening a new one")]
    public static partial void SessionEnded(ILogger logger, string error);

    [LoggerMessage(9011, LogLevel.Error, "Nautilus bridge reader failed; retrying in {Delay}")]
    public static partial void ReaderFaulted(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(9010, LogLevel.Information, "Nautilus bridge stopped")]
    public static partial void Stopped(ILogger logger);
}
