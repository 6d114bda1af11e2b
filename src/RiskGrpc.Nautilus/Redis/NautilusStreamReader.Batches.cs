using Microsoft.Extensions.Logging;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.Nautilus.State;
using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Redis;

/// <summary>Batch processing, key discovery and checkpoints.</summary>
internal sealed partial class NautilusStreamReader
{
    private async Task ProcessAsync(IDatabase db, List<StreamEntry> entries, CancellationToken cancellationToken)
    {
        var received = _time.GetTimestamp();
        foreach (var entry in entries)
        {
            var id = entry.Id.ToString();
            Apply(entry, id, received);
            var progress = _streams[entry.Key];
            progress.ReadSinceAccounted++;
            if (entry.Id > progress.LastRead)
            {
                progress.LastRead = entry.Id;
            }

            _statistics.OnRead(received);
        }

        await FlushBatchAsync(cancellationToken).ConfigureAwait(false);
        _statistics.OnProcessed(entries[^1].Id.ToString());
        // The checkpoint matters only across restarts (which replay the retained window anyway): at most one write per
        // interval keeps it off the per-entry path.
        var now = _time.GetTimestamp();
        if (_lastCheckpoint == 0 || _time.GetElapsedTime(_lastCheckpoint, now) >= _options.CheckpointInterval)
        {
            _lastCheckpoint = now;
            _ = WriteCheckpointAsync(db, CommandFlags.FireAndForget);
        }
    }

    private void Apply(StreamEntry entry, string id, long received)
    {
        var decoded = EnvelopeDecoder.Decode(entry.Fields, _options.Encoding);
        if (decoded.Error is { } error)
        {
            _statistics.OnMalformed();
            NautilusBridgeLog.MalformedEntry(_logger, entry.Key, id, decoded.Topic, error);
            return;
        }

        if (decoded.UnknownFields > 0)
        {
            _statistics.OnUnknownFields(decoded.UnknownFields);
        }

        switch (decoded.Message)
        {
            case HeartbeatMessage heartbeat:
                _statistics.OnHeartbeat(heartbeat.Timestamp);
                return;
            case IgnoredMessage ignored:
                _statistics.OnIgnored(ignored.Known);
                return;
        }

        ApplyOutcome outcome;
        try
        {
            outcome = _state.Apply(id, decoded.Message!, received);
        }
        catch (FormatException ex)
        {
            // Consistent on its own but not with the state (checked before anything changed): skipped like bad input.
            _statistics.OnMalformed();
            NautilusBridgeLog.MalformedEntry(_logger, entry.Key, id, decoded.Topic, ex.Message);
            return;
        }

        switch (outcome)
        {
            case ApplyOutcome.Applied:
                _statistics.OnApplied();
                break;
            case ApplyOutcome.DuplicateFill:
                _statistics.OnDuplicateFill();
                break;
            default:
                _statistics.OnIgnored(known: true);
                break;
        }
    }

    private Task WriteCheckpointAsync(IDatabase db, CommandFlags flags) =>
        db.HashSetAsync(_options.CheckpointKey, _streams.Select(p => new HashEntry(p.Key, p.Value.LastRead.ToString())).ToArray(), flags);

    private async Task FlushBatchAsync(CancellationToken cancellationToken)
    {
        _events.Clear();
        _views.Clear();
        _state.EndBatch(_events, _views);

        // Views first: the publisher pairs the engine's answer with the view it was computed from (or a newer one).
        foreach (var view in _views)
        {
            _onView(view);
        }

        await _feed.SubmitAsync(_events, cancellationToken).ConfigureAwait(false);
    }

    private async Task DiscoverAsync(IDatabase db, CancellationToken cancellationToken)
    {
        _lastDiscovery = _time.GetTimestamp();
        if (!_options.StreamPerTopic)
        {
            foreach (var key in _options.Streams)
            {
                _streams.TryAdd(key, new StreamProgress());
            }

            return;
        }

        var publish = _options.EffectivePublishStream;
        foreach (var prefix in _options.Streams)
        {
            var cursor = "0";
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                var reply = await db.ExecuteAsync("SCAN", cursor, "MATCH", EscapeGlob(prefix) + ":*", "COUNT", 1000, "TYPE", "stream").ConfigureAwait(false);
                (cursor, var keys) = RespReplies.ParseScan(reply);
                foreach (var key in keys)
                {
                    if (key != publish && _streams.TryAdd(key, new StreamProgress()))
                    {
                        NautilusBridgeLog.StreamDiscovered(_logger, key);
                    }
                }
            }
            while (cursor != "0");
        }
    }

    private static string EscapeGlob(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
