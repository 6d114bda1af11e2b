using RiskGrpc.Engine.Metrics;
using RiskGrpc.Kernel;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Metrics;

public sealed class MetricCatalogueTests
{
    [Fact]
    public void Catalogue_EveryStructProperty_ListedOnceUnderItsSnakeCaseName()
    {
        AssertCovers<ReturnMetrics>(MetricCatalogue.Returns);
        AssertCovers<RelativeMetrics>(MetricCatalogue.Relative);
        AssertCovers<TailRiskMetrics>(MetricCatalogue.TailRisk, except: nameof(TailRiskMetrics.Confidence));
    }

    [Fact]
    public void Catalogue_Getters_ReadTheNamedProperty()
    {
        var metrics = default(ReturnMetrics);
        metrics.Sharpe = 1.5;
        metrics.UlcerIndex = -2.5;

        Assert.Equal(1.5, MetricCatalogue.Returns.Single(f => f.Name == "sharpe").Get(metrics));
        Assert.Equal(-2.5, MetricCatalogue.Returns.Single(f => f.Name == "ulcer_index").Get(metrics));
    }

    [Fact]
    public void Catalogue_EveryName_DocumentedInDocsMetrics()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "metrics.md"));
        var names = MetricCatalogue.Returns.Select(f => f.Name).Concat(MetricCatalogue.Relative.Select(f => f.Name)).Concat(MetricCatalogue.TailRisk.Select(f => f.Name));

        Assert.All(names, name => Assert.Matches($@"\b{name}\b", doc));
    }

    private static void AssertCovers<T>(IReadOnlyList<MetricField<T>> catalogue, string? except = null)
        where T : struct
    {
        var properties = typeof(T).GetProperties().Select(p => p.Name).Where(n => n != except).Order().ToList();
        var names = catalogue.Select(f => string.Concat(f.Name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]))).Order().ToList();
        Assert.Equal(properties, names);
        Assert.Equal(catalogue.Count, catalogue.Select(f => f.Name).Distinct().Count());
    }
}
