using System.Collections.Concurrent;

namespace RiskGrpc.Server.Protection;

/// <summary>
/// Caps the live portfolios each API key (each client address when anonymous) writes through LiveRiskService/Connect
/// (<c>RiskGrpc:RateLimits:Live:MaxPortfolios</c>). A portfolio counts against the first key that writes it until the
/// engine expires its idle state; other keys may still write it (ownership rules are the engine's).
/// </summary>
public sealed class LivePortfolioQuota(int maxPortfolios)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byClient = new(StringComparer.Ordinal);

    /// <summary>The cap per client.</summary>
    public int MaxPortfolios { get; } = maxPortfolios;

    /// <summary>True when <paramref name="client"/> already writes <paramref name="portfolioId"/> or may add it.</summary>
    public bool TryClaim(string client, string portfolioId)
    {
        var portfolios = _byClient.GetOrAdd(client, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        if (portfolios.ContainsKey(portfolioId))
        {
            return true;
        }

        lock (portfolios)
        {
            if (portfolios.Count >= MaxPortfolios)
            {
                return portfolios.ContainsKey(portfolioId);
            }

            portfolios.TryAdd(portfolioId, 0);
            return true;
        }
    }

    /// <summary>Frees <paramref name="portfolioId"/> for every client (its state expired).</summary>
    public void Release(string portfolioId)
    {
        foreach (var portfolios in _byClient.Values)
        {
            lock (portfolios)
            {
                portfolios.TryRemove(portfolioId, out _);
            }
        }
    }

    /// <summary>The partition name of the caller: its API key's name, else its address.</summary>
    public static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "ip:" + context.Connection.RemoteIpAddress;
}
