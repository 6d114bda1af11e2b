using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Portfolios;

/// <summary>Routing of the risk-aware methods to the scenario engine when the risk measure is not variance.</summary>
public static partial class PortfolioOptimizer
{
    private static bool UsesScenarios(OptimizationRequest r) =>
        r.RiskMeasure is not (RiskMeasure.Variance or RiskMeasure.Volatility) && ScenarioObjective(r.Method) is not null;

    /// <summary>The scenario objective of a method, or null for methods the measure does not change.</summary>
    private static RiskObjective? ScenarioObjective(OptimizationMethod method) => method switch
    {
        OptimizationMethod.MinVolatility => RiskObjective.MinRisk,
        OptimizationMethod.MaxSharpe => RiskObjective.MaxRatio,
        OptimizationMethod.MaxQuadraticUtility => RiskObjective.MaxUtility,
        OptimizationMethod.EfficientReturn => RiskObjective.EfficientReturn,
        OptimizationMethod.EfficientRisk => RiskObjective.EfficientRisk,
        _ => null,
    };

    /// <summary>Methods the measure does not apply to refuse a scenario measure instead of silently using variance.</summary>
    private static void RequireMeasureSupported(OptimizationRequest r)
    {
        if (r.RiskMeasure is RiskMeasure.Variance or RiskMeasure.Volatility || ScenarioObjective(r.Method) is not null)
        {
            return;
        }

        if (r.Method is OptimizationMethod.Hrp or OptimizationMethod.Herc
            || (r.Method is OptimizationMethod.RiskParity && r.RiskMeasure is RiskMeasure.Mad or RiskMeasure.ConditionalValueAtRisk or RiskMeasure.ConditionalDrawdownAtRisk))
        {
            return;
        }

        throw r.Method is OptimizationMethod.RiskParity
            ? new OptimizationException(OptimizationErrorKind.UnsupportedRiskMeasure, $"risk parity with {RiskMeasureInfo.Name(r.RiskMeasure)} is not implemented (variance, MAD, CVaR and CDaR)", "risk_measure")
            : Guard.Invalid($"{r.Method} does not take a risk measure", "risk_measure");
    }

    /// <summary>The complete rows of the returns, the scenarios of a hierarchical method's cluster risk.</summary>
    private static double[,] HierarchicalScenarios(OptimizationRequest r)
    {
        var scenarios = r.Returns?.CompleteRows() ?? throw Guard.Invalid($"{r.Method} with {RiskMeasureInfo.Name(r.RiskMeasure)} needs a returns (or prices) matrix as scenarios", "returns");
        return scenarios.RowCount >= 2 ? scenarios.Values : throw Guard.Invalid("at least two rows in which every asset has a return are needed", "returns");
    }

    private static ScenarioProblem ScenarioProblemOf(OptimizationRequest r, double[]? mu)
    {
        var objective = ScenarioObjective(r.Method)!.Value;
        var scenarios = r.Returns?.CompleteRows() ?? throw Guard.Invalid($"{RiskMeasureInfo.Name(r.RiskMeasure)} needs a returns (or prices) matrix as scenarios", "returns");
        var ppy = r.PeriodsPerYear;
        return new ScenarioProblem
        {
            Returns = scenarios.Values,
            Measure = r.RiskMeasure,
            Objective = objective,
            Alpha = r.Alpha,
            ExpectedReturns = mu?.Select(m => m / ppy).ToArray(),
            RiskFreeRate = r.RiskFreeRate / ppy,
            RiskAversion = r.RiskAversion,
            TargetReturn = r.TargetReturn / ppy,
            RiskCap = r.TargetRisk,
            Constraints = r.Constraints ?? PortfolioConstraints.LongOnly(r.Assets.Count),
        };
    }
}
