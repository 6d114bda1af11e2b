namespace RiskGrpc.Nautilus;

/// <summary>Which id of an order or position event names its risk portfolio.</summary>
public enum NautilusPortfolioKey
{
    /// <summary>One portfolio per <c>strategy_id</c>.</summary>
    Strategy = 0,

    /// <summary>One portfolio per <c>trader_id</c> (the whole node).</summary>
    Trader = 1,

    /// <summary>One portfolio per <c>account_id</c>.</summary>
    Account = 2,
}
