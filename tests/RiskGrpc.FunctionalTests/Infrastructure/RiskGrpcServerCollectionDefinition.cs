namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>Test classes in this collection share one <see cref="RiskGrpcServerFixture"/> (and run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RiskGrpcServerCollectionDefinition : ICollectionFixture<RiskGrpcServerFixture>
{
    /// <summary>The collection name for <c>[Collection(...)]</c>.</summary>
    public const string Name = "RiskGrpc server";
}
