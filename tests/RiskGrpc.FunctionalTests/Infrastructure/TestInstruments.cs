using System.Diagnostics.Metrics;
using RiskGrpc.Server.Observability;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>Server instruments on a private meter factory, for components built without the host.</summary>
internal static class TestInstruments
{
    private static readonly IMeterFactory Factory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static ServerInstruments Create() => new(Factory);
}
