using RiskGrpc.Contracts.V1;

namespace RiskGrpc.FunctionalTests.Optimization.Cloud;

/// <summary>
/// The documented examples of §5 that an <see cref="OptimizeRequest"/> can express (maximum Sharpe, mean-variance
/// efficient, most diversified), with the covariance multiplied by <c>scale</c> (their weights do not change).
/// </summary>
internal static class DocumentedOptimizeRequests
{
    public static readonly double[] MaxSharpeWeights = [0.2727, 0.7273];
    public static readonly double[] EfficientWeights = [0.5, 0.5];
    public static readonly double[] MostDiversifiedWeights = [1.0 / 3, 2.0 / 3];

    /// <summary>Example <paramref name="which"/> (0, 1 or 2) and its documented weights.</summary>
    public static (OptimizeRequest Request, double[] Weights) Example(int which, double scale, OptimizationRouting routing) => which switch
    {
        0 => (MaxSharpe(scale, routing), MaxSharpeWeights),
        1 => (Efficient(scale, routing), EfficientWeights),
        _ => (MostDiversified(scale, routing), MostDiversifiedWeights),
    };

    public static OptimizeRequest MaxSharpe(double scale = 1, OptimizationRouting routing = OptimizationRouting.Auto) => new()
    {
        Input = Moments(scale, [0.05, 0.02, 0.02, 0.07], [0.05, 0.10]),
        Method = OptimizationMethod.MaxSharpe,
        RiskFreeRate = 0,
        Routing = routing,
    };

    public static OptimizeRequest Efficient(double scale = 1, OptimizationRouting routing = OptimizationRouting.Auto) => new()
    {
        Input = Moments(scale, [1, 0.3, 0.3, 1], [0.1, 0.2]),
        Method = OptimizationMethod.EfficientReturn,
        TargetReturn = 0.15,
        Routing = routing,
    };

    public static OptimizeRequest MostDiversified(double scale = 1, OptimizationRouting routing = OptimizationRouting.Auto) => new()
    {
        Input = Moments(scale, [0.04, 0.01, 0.01, 0.01], []),
        Method = OptimizationMethod.MaxDiversification,
        Routing = routing,
    };

    private static OptimizerInput Moments(double scale, double[] covariance, double[] mu) => new()
    {
        Moments = new OptimizerMoments
        {
            Assets = { "A", "B" },
            ExpectedReturns = { mu },
            Covariance = { covariance.Select(c => c * scale) },
        },
    };
}
