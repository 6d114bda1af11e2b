using RiskGrpc.FakePortfolioOptimizer;

namespace RiskGrpc.FunctionalTests.Optimization.Cloud;

/// <summary>
/// The fault of chaos call <c>i</c> (0 ≤ i &lt; 1000), deterministic: a burst of 502s over calls 600–669 (which opens
/// the circuit) and, elsewhere, a quarter of the calls cycling through twelve failing kinds; 5 % fail once then
/// succeed, 5 % are slow but within the attempt timeout. About 30 % of calls fail for good.
/// </summary>
internal static class ChaosPlan
{
    public const int Calls = 1000;

    private static readonly FakeFault[] Failing =
    [
        FakeFault.Of(FakeFaultKind.Hang),
        FakeFault.Of(FakeFaultKind.InternalError),
        FakeFault.Of(FakeFaultKind.BadGateway),
        new(FakeFaultKind.RateLimitedWithHeaders, TimeSpan.FromSeconds(60)),
        FakeFault.Of(FakeFaultKind.RateLimitedBare),
        FakeFault.Of(FakeFaultKind.BadRequest),
        FakeFault.Of(FakeFaultKind.Unauthorized),
        FakeFault.Of(FakeFaultKind.NotFound),
        FakeFault.Of(FakeFaultKind.MalformedJson),
        FakeFault.Of(FakeFaultKind.WrongLength),
        FakeFault.Of(FakeFaultKind.OutOfBounds),
        FakeFault.Of(FakeFaultKind.ConnectionReset),
    ];

    /// <summary>The covariance factor that identifies call <paramref name="i"/> (exact in binary).</summary>
    public static double Scale(int i) => 1 + ((i + 1) / 1024.0);

    /// <summary>The call index a covariance factor identifies.</summary>
    public static int Index(double scale) => (int)Math.Round((scale - 1) * 1024) - 1;

    /// <summary>The fault of attempt <paramref name="attempt"/> of call <paramref name="i"/>.</summary>
    public static FakeFault Fault(int i, int attempt)
    {
        if (i is >= 600 and < 670)
        {
            return FakeFault.Of(FakeFaultKind.BadGateway);
        }

        var r = ((i * 19) + 13) % 100;
        return r switch
        {
            < 25 => Failing[r % Failing.Length],
            < 30 => attempt == 1 ? FakeFault.Of(FakeFaultKind.InternalError) : FakeFault.None,
            < 35 => new FakeFault(FakeFaultKind.Latency, TimeSpan.FromMilliseconds(30)),
            _ => FakeFault.None,
        };
    }

    /// <summary>True when call <paramref name="i"/> fails on every attempt.</summary>
    public static bool FailsForGood(int i) => Fault(i, 2).Kind is not (FakeFaultKind.None or FakeFaultKind.Latency);

    /// <summary>The venue, fallback reason and attempts call <paramref name="i"/> must end with when the circuit stays closed.</summary>
    public static (bool Cloud, string Reason, int Attempts) Expected(int i) => Fault(i, 1).Kind switch
    {
        FakeFaultKind.None or FakeFaultKind.Latency => (true, string.Empty, 1),
        FakeFaultKind.InternalError when !FailsForGood(i) => (true, string.Empty, 2),
        FakeFaultKind.InternalError or FakeFaultKind.BadGateway => (false, "cloud_5xx", 2),
        FakeFaultKind.Hang => (false, "cloud_timeout", 1),
        FakeFaultKind.RateLimitedWithHeaders => (false, "cloud_rate_limited", 1),
        FakeFaultKind.RateLimitedBare => (false, "cloud_rate_limited", 2),
        FakeFaultKind.BadRequest => (false, "cloud_bad_request", 1),
        FakeFaultKind.Unauthorized => (false, "cloud_unauthorized", 1),
        FakeFaultKind.NotFound => (false, "cloud_not_found", 1),
        FakeFaultKind.MalformedJson or FakeFaultKind.WrongLength or FakeFaultKind.OutOfBounds => (false, "cloud_invalid_answer", 1),
        FakeFaultKind.ConnectionReset => (false, "cloud_unreachable", 1),
        var k => throw new InvalidOperationException($"no expectation for {k}"),
    };
}
