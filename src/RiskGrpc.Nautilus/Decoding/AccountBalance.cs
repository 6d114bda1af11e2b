namespace RiskGrpc.Nautilus.Decoding;

/// <summary>One currency's balance of an <c>AccountState</c>.</summary>
internal sealed record AccountBalance(string Currency, decimal Total, decimal Locked, decimal Free);
