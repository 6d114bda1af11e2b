using System.Collections.Concurrent;
using RiskGrpc.Nautilus.State;

namespace RiskGrpc.Nautilus.Hosting;

/// <summary>The latest view of every Nautilus portfolio, written by the reader, read by the publisher (and tests).</summary>
internal sealed class NautilusPortfolioViews
{
    private readonly ConcurrentDictionary<string, PortfolioView> _views = new(StringComparer.Ordinal);

    /// <summary>The latest view, or null.</summary>
    public PortfolioView? Get(string portfolioId) => _views.GetValueOrDefault(portfolioId);

    /// <summary>Ids of every portfolio seen.</summary>
    public ICollection<string> PortfolioIds => _views.Keys;

    internal void Set(PortfolioView view) => _views[view.PortfolioId] = view;
}
