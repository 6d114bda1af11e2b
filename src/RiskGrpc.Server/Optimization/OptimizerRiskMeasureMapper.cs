using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.RiskMeasures;
using EngineMeasure = RiskGrpc.Optimization.RiskMeasures.RiskMeasure;
using OptEngine = RiskGrpc.Optimization.Portfolios;
using Proto = RiskGrpc.Contracts.V1;

namespace RiskGrpc.Server.Optimization;

/// <summary>Maps the risk-measure fields (measure, objective, per-measure values) and the EvaluateRisk RPC.</summary>
internal static class OptimizerRiskMeasureMapper
{
    /// <summary>Proto measure → engine measure; unspecified is variance.</summary>
    public static EngineMeasure MeasureOf(Proto.RiskMeasure measure) => measure switch
    {
        Proto.RiskMeasure.Unspecified => EngineMeasure.Variance,
        var m when Enum.IsDefined(m) => (EngineMeasure)(int)m,
        _ => throw new OptimizationException(OptimizationErrorKind.InvalidInput, $"unknown risk measure {(int)measure}", "risk_measure"),
    };

    /// <summary>The engine method an objective runs (the measure then picks the engine).</summary>
    public static OptEngine.OptimizationMethod MethodOf(OptimizationObjective objective) => objective switch
    {
        OptimizationObjective.MinRisk => OptEngine.OptimizationMethod.MinVolatility,
        OptimizationObjective.MaxRatio => OptEngine.OptimizationMethod.MaxSharpe,
        OptimizationObjective.MaxUtility => OptEngine.OptimizationMethod.MaxQuadraticUtility,
        OptimizationObjective.EfficientReturn => OptEngine.OptimizationMethod.EfficientReturn,
        OptimizationObjective.EfficientRisk => OptEngine.OptimizationMethod.EfficientRisk,
        OptimizationObjective.RiskParity => OptEngine.OptimizationMethod.RiskParity,
        OptimizationObjective.Hrp => OptEngine.OptimizationMethod.Hrp,
        OptimizationObjective.Herc => OptEngine.OptimizationMethod.Herc,
        _ => throw new OptimizationException(OptimizationErrorKind.InvalidInput, $"unknown objective {(int)objective}", "objective"),
    };

    /// <summary>Per-measure values in enum order.</summary>
    public static IEnumerable<RiskMeasureValue> Values(IReadOnlyDictionary<EngineMeasure, double>? risk) =>
        risk is null
            ? []
            : risk.Select(kv => new RiskMeasureValue { Measure = (Proto.RiskMeasure)(int)kv.Key, Name = RiskMeasureInfo.Name(kv.Key), Value = kv.Value });

    /// <summary>Evaluates every measure of the request's weights on its scenarios.</summary>
    public static EvaluateRiskResponse Evaluate(EvaluateRiskRequest request)
    {
        var (assets, returns, _, _) = OptimizerRequestMapper.Input(request.Input);
        if (returns is null)
        {
            throw new OptimizationException(OptimizationErrorKind.InvalidInput, "EvaluateRisk needs prices or returns as scenarios, not moments", "input");
        }

        var unknown = request.Weights.Keys.FirstOrDefault(k => !assets.Contains(k));
        if (unknown is not null)
        {
            throw new OptimizationException(OptimizationErrorKind.InvalidInput, $"unknown asset '{unknown}'", "weights");
        }

        var weights = assets.Select(a => request.Weights.TryGetValue(a, out var v) ? v : 0).ToArray();
        var scenarios = returns.CompleteRows();
        var alpha = request.HasAlpha ? request.Alpha : ScenarioRisk.DefaultAlpha;
        var response = new EvaluateRiskResponse { Scenarios = scenarios.RowCount };
        response.Risk.Add(Values(ScenarioRisk.EvaluateAll(scenarios.Values, weights, alpha)));
        return response;
    }
}
