namespace RiskGrpc.Cloud;

/// <summary>
/// Validated cloud answers by canonical request key (<see cref="CloudRequestJson.CacheKey"/>), bounded with
/// least-recently-used eviction and a time to live, so repeated rebalancing calls do not spend the daily budget.
/// Thread-safe; a capacity of 0 disables it.
/// </summary>
public sealed class CloudAnswerCache
{
    private readonly int _capacity;
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Creates the cache.</summary>
    public CloudAnswerCache(int capacity, TimeSpan ttl, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _ttl = ttl;
        _time = time;
    }

    /// <summary>Entries held now (expired ones included until touched).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A copy of the weights cached under <paramref name="key"/>, if fresh.</summary>
    public bool TryGet(string key, out double[] weights)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (_time.GetUtcNow() - node.Value.Stored <= _ttl)
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    weights = [.. node.Value.Weights];
                    return true;
                }

                _order.Remove(node);
                _entries.Remove(key);
            }
        }

        weights = [];
        return false;
    }

    /// <summary>Stores a copy of <paramref name="weights"/>, evicting the least recently used entry when full.</summary>
    public void Set(string key, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (_capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.Remove(key, out var old))
            {
                _order.Remove(old);
            }

            while (_entries.Count >= _capacity && _order.Last is { } last)
            {
                _entries.Remove(last.Value.Key);
                _order.RemoveLast();
            }

            _entries[key] = _order.AddFirst(new Entry(key, [.. weights], _time.GetUtcNow()));
        }
    }

    private sealed record Entry(string Key, double[] Weights, DateTimeOffset Stored);
}
