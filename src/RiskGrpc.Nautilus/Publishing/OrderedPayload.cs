namespace RiskGrpc.Nautilus.Publishing;

/// <summary>A payload map that keeps its keys in insertion order (Nautilus writes <c>type</c> first).</summary>
internal sealed class OrderedPayload : List<KeyValuePair<string, object?>>
{
    /// <summary>Appends a key.</summary>
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
}
