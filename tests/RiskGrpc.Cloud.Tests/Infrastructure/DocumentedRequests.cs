using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cloud.Tests.Infrastructure;

/// <summary>The documented 2-asset examples of §5 as engine requests; <c>scale</c> multiplies the covariance (weights unchanged).</summary>
internal static class DocumentedRequests
{
    public static OptimizationRequest MinimumVariance(double scale = 1)
    {
        var constraints = new PortfolioConstraints(2, 0, 1) { Budget = 0.5 };
        constraints.UpperBounds[0] = 0.4;
        return new OptimizationRequest { Assets = ["A", "B"], Covariance = Cov(scale, 0.0025, 0.0005, 0.01), Method = OptimizationMethod.MinVolatility, Constraints = constraints };
    }

    public static OptimizationRequest MaximumSharpe(double scale = 1) => new()
    {
        Assets = ["A", "B"],
        Covariance = Cov(scale, 0.05, 0.02, 0.07),
        ExpectedReturns = [0.05, 0.10],
        Method = OptimizationMethod.MaxSharpe,
        RiskFreeRate = 0,
    };

    public static OptimizationRequest MeanVarianceEfficient(double scale = 1) => new()
    {
        Assets = ["A", "B"],
        Covariance = Cov(scale, 1, 0.3, 1),
        ExpectedReturns = [0.1, 0.2],
        Method = OptimizationMethod.EfficientReturn,
        TargetReturn = 0.15,
    };

    public static OptimizationRequest EqualRiskContributions(double scale = 1)
    {
        var constraints = new PortfolioConstraints(2, 0, 1);
        constraints.UpperBounds[0] = 0.4;
        return new OptimizationRequest { Assets = ["A", "B"], Covariance = Cov(scale, 0.0025, 0.0005, 0.01), Method = OptimizationMethod.RiskParity, Constraints = constraints };
    }

    public static OptimizationRequest MostDiversified(double scale = 1) => new()
    {
        Assets = ["A", "B"],
        Covariance = Cov(scale, 0.04, 0.01, 0.01),
        Method = OptimizationMethod.MaxDiversification,
    };

    private static double[,] Cov(double scale, double a, double b, double d) => new[,] { { scale * a, scale * b }, { scale * b, scale * d } };
}
