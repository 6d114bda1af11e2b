using Google.Protobuf;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.Fuzz;

/// <summary>Writes the committed seed corpus: small valid requests of each target (regenerate with --write-seeds).</summary>
internal static class SeedCorpus
{
    public static void Write(string directory)
    {
        var metrics = new ComputeMetricsRequest
        {
            Returns = { 0.01, -0.02, 0.015, 0.003, -0.007, 0.012, double.NaN },
            Benchmark = { 0.008, -0.01, 0.01, 0.001, -0.004, 0.009, 0.002 },
            PeriodsPerYear = 252,
            RiskFreeRate = 0.02,
            ConfidenceLevels = { 0.95, 0.99 },
            NanPolicy = NanPolicy.Skip,
            Rolling = new RollingOptions { Window = 3, Metrics = { RollingMetric.Sharpe, RollingMetric.Beta } },
        };
        Save(directory, "metrics", "full", metrics);
        Save(directory, "metrics", "minimal", new ComputeMetricsRequest { Returns = { 0.01, 0.02 } });
        Save(directory, "batch", "two", new ComputeMetricsBatchRequest { Requests = { metrics, new ComputeMetricsRequest { Returns = { 0.5 } } } });
        var moments = new OptimizerMoments { Assets = { "A", "B", "C" }, ExpectedReturns = { 0.08, 0.05, 0.03 }, Covariance = { 0.04, 0.006, 0.002, 0.006, 0.01, 0.001, 0.002, 0.001, 0.005 } };
        Save(directory, "optimize", "min-volatility", new OptimizeRequest { Input = new OptimizerInput { Moments = moments }, Method = OptimizationMethod.MinVolatility });
        Save(directory, "optimize", "max-sharpe-groups", new OptimizeRequest
        {
            Input = new OptimizerInput { Moments = moments },
            Method = OptimizationMethod.MaxSharpe,
            RiskFreeRate = 0.01,
            Constraints = new OptimizerConstraints { MaxWeight = 0.6, Groups = { new OptimizerGroupLimit { Name = "g", Assets = { "A", "B" }, Upper = 0.7 } } },
        });
        var returns = new OptimizerTimeSeries { Assets = { "X", "Y" } };
        for (var i = 0; i < 8; i++)
        {
            returns.Rows.Add(new OptimizerTimeSeriesRow { Label = $"2024-01-{i + 1:00}", Values = { 0.01 * ((i % 3) - 1), 0.005 * ((i % 4) - 1.5) } });
        }

        Save(directory, "optimize", "hrp-returns", new OptimizeRequest { Input = new OptimizerInput { Returns = returns }, Method = OptimizationMethod.Hrp });
        WriteText(directory, "csv", "prices.csv", "date,A,B\n2024-01-01,100,50\n2024-01-02,101,49.5\n2024-01-03,,50.2\n2024-01-04,102.5,51\n");
        WriteText(directory, "csv", "returns.csv", "date,A\n2024-01-01,0.01\n2024-01-02,NaN\n2024-01-03,-0.02\n");
    }

    private static void Save(string directory, string target, string name, IMessage message)
    {
        Directory.CreateDirectory(Path.Combine(directory, target));
        File.WriteAllBytes(Path.Combine(directory, target, name + ".bin"), message.ToByteArray());
    }

    private static void WriteText(string directory, string target, string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(directory, target));
        File.WriteAllText(Path.Combine(directory, target, name), text);
    }
}
