using System.Globalization;
using RiskGrpc.Nautilus;
using StackExchange.Redis;

namespace RiskGrpc.NautilusLatency;

/// <summary>Command-line options: <c>--count 2000 --rate 1000 --portfolios 100 --encoding json|msgpack --protocol resp3|resp2 --output file.md</c>.</summary>
internal sealed record LatencyOptions(int Count, int Rate, int Portfolios, NautilusEncoding Encoding, RedisProtocol Protocol, string? Output, int Warmup)
{
    public static LatencyOptions Parse(string[] args)
    {
        var options = new LatencyOptions(2000, 1000, 100, NautilusEncoding.Msgpack, RedisProtocol.Resp3, null, 500);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--count" => options with { Count = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--portfolios" => options with { Portfolios = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--encoding" => options with { Encoding = Enum.Parse<NautilusEncoding>(value, ignoreCase: true) },
                "--protocol" => options with { Protocol = Enum.Parse<RedisProtocol>(value, ignoreCase: true) },
                "--output" => options with { Output = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
