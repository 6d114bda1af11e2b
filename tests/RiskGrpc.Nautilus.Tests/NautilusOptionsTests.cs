using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskGrpc.Nautilus.Hosting;

namespace RiskGrpc.Nautilus.Tests;

public sealed class NautilusOptionsTests
{
    private static IServiceCollection Register(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddRiskGrpcNautilus(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void AddRiskGrpcNautilus_Disabled_RegistersNothing()
    {
        var services = Register(new() { ["RiskGrpc:Nautilus:Streams:0"] = "" });

        Assert.Empty(services);
    }

    [Fact]
    public void AddRiskGrpcNautilus_Enabled_BindsEveryOptionAndReplacesTheDefaultStreams()
    {
        var services = Register(new()
        {
            ["RiskGrpc:Nautilus:Enabled"] = "true",
            ["RiskGrpc:Nautilus:Redis"] = "10.0.0.5:6380,password=secret",
            ["RiskGrpc:Nautilus:Protocol"] = "Resp2",
            ["RiskGrpc:Nautilus:Streams:0"] = "trader-A:stream",
            ["RiskGrpc:Nautilus:Streams:1"] = "trader-B:stream",
            ["RiskGrpc:Nautilus:Encoding"] = "Json",
            ["RiskGrpc:Nautilus:PortfolioKey"] = "Account",
            ["RiskGrpc:Nautilus:TraderId"] = "A",
            ["RiskGrpc:Nautilus:Instruments:ESZ4.CME"] = "50",
        });

        var options = Assert.Single(services, d => d.ServiceType == typeof(NautilusOptions)).ImplementationInstance as NautilusOptions;
        Assert.NotNull(options);
        Assert.Equal(["trader-A:stream", "trader-B:stream"], options.Streams);
        Assert.Equal(StackExchange.Redis.RedisProtocol.Resp2, options.Protocol);
        Assert.Equal(NautilusEncoding.Json, options.Encoding);
        Assert.Equal(NautilusPortfolioKey.Account, options.PortfolioKey);
        Assert.Equal("risk-A:stream", options.EffectivePublishStream);
        Assert.Equal(50m, options.MultiplierOf("ESZ4.CME"));
        Assert.Equal(1m, options.MultiplierOf("AUD/USD.SIM"));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Theory]
    [InlineData("PublishStream", "trader-TRADER-001:stream", "PublishStream")]
    [InlineData("ReadCount", "0", "ReadCount")]
    [InlineData("Instruments:X.SIM", "0", "Instruments:X.SIM")]
    [InlineData("Instruments:X.SIM", "100000", "Instruments:X.SIM")]
    [InlineData("ReconnectMaxDelay", "00:00:00.010", "ReconnectMaxDelay")]
    public void AddRiskGrpcNautilus_BadOption_ThrowsNamingIt(string key, string value, string named)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Register(new()
        {
            ["RiskGrpc:Nautilus:Enabled"] = "true",
            ["RiskGrpc:Nautilus:" + key] = value,
        }));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
