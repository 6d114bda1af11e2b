using RiskGrpc.Security;

namespace RiskGrpc.Server.Security;

/// <summary>The validated <c>RiskGrpc:Auth:Keys</c>; a malformed entry stops start-up with a message naming it (never its hash).</summary>
internal sealed class ConfiguredApiKeys
{
    public ConfiguredApiKeys(AuthOptions options)
    {
        var keys = new List<ConfiguredApiKey>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var k = options.Keys[i];
            var where = $"RiskGrpc:Auth:Keys:{i}";
            if (string.IsNullOrWhiteSpace(k.Name))
            {
                throw new InvalidOperationException($"{where}:Name is required");
            }

            if (!ApiKeyHash.TryParse(k.Hash, out var hash))
            {
                throw new InvalidOperationException($"{where}:Hash ({k.Name}) is not a hash made by 'riskgrpc auth hash-key'");
            }

            var unknown = k.Scopes.FirstOrDefault(s => !RpcScopes.All.Contains(s));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"{where}:Scopes ({k.Name}) has unknown scope '{unknown}' (known: {string.Join(", ", RpcScopes.All)})");
            }

            keys.Add(new ConfiguredApiKey(k.Name, hash!, new HashSet<string>(k.Scopes, StringComparer.Ordinal)));
        }

        Keys = keys;
    }

    public IReadOnlyList<ConfiguredApiKey> Keys { get; }
}
