using System.Diagnostics;
using RiskGrpc.Optimization.Hierarchical;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;
using RiskGrpc.Optimization.RiskParity;
using RiskGrpc.Optimization.Solvers;
using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Optimization.Portfolios;

/// <summary>
/// One entry point for the gRPC service and the CLI: resolves μ and S (<see cref="InputEstimator"/>), dispatches to the
/// method and reports weights with performance and diagnostics. Failures throw <see cref="OptimizationException"/>.
/// </summary>
public static partial class PortfolioOptimizer
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    public static OptimizationResult Optimize(OptimizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = Stopwatch.GetTimestamp();
        var (mu, cov) = InputEstimator.Resolve(request);
        RequireMeasureSupported(request);
        var w = UsesScenarios(request) ? ScenarioOptimizer.Optimize(ScenarioProblemOf(request, mu)) : Dispatch(request, mu, cov);
        return Result(request, mu, cov, w, start);
    }

    /// <summary><paramref name="points"/> portfolios on the efficient frontier (min volatility to max return).</summary>
    public static IReadOnlyList<OptimizationResult> EfficientFrontier(OptimizationRequest request, int points)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = Stopwatch.GetTimestamp();
        var (mu, cov) = InputEstimator.Resolve(request);
        var frontier = request.RiskMeasure is RiskMeasure.Variance or RiskMeasure.Volatility
            ? MeanVariance(request, mu, cov).EfficientFrontier(points)
            : ScenarioOptimizer.EfficientFrontier(ScenarioProblemOf(request with { Method = OptimizationMethod.EfficientReturn }, mu), points);
        return frontier.Select(w => Result(request, mu, cov, w, start)).ToList();
    }

    /// <summary>Maps a solver name to the solver.</summary>
    public static IQuadraticProgramSolver SolverByName(string name) => name switch
    {
        "" or "auto" => QuadraticProgramSolvers.Default,
        "goldfarb-idnani" => QuadraticProgramSolvers.GoldfarbIdnani,
        "interior-point" => QuadraticProgramSolvers.InteriorPoint,
        _ => throw Guard.Invalid($"unknown solver '{name}' (auto, goldfarb-idnani, interior-point)", "solver"),
    };

    private static PortfolioWeights Dispatch(OptimizationRequest r, double[]? mu, double[,] cov)
    {
        var n = r.Assets.Count;
        switch (r.Method)
        {
            case OptimizationMethod.MinVolatility:
                return MeanVariance(r, mu, cov).MinVolatility();
            case OptimizationMethod.MaxSharpe:
                return MeanVariance(r, mu, cov).MaxSharpe(r.RiskFreeRate);
            case OptimizationMethod.MaxQuadraticUtility:
                return MeanVariance(r, mu, cov).MaxQuadraticUtility(r.RiskAversion);
            case OptimizationMethod.EfficientReturn:
                return MeanVariance(r, mu, cov).EfficientReturn(r.TargetReturn ?? throw Guard.Invalid("efficient-return needs a target return", "target_return"));
            case OptimizationMethod.EfficientRisk:
                return MeanVariance(r, mu, cov).EfficientRisk(r.TargetVolatility ?? throw Guard.Invalid("efficient-risk needs a target volatility", "target_volatility"));
            case OptimizationMethod.MaxDiversification:
                return MeanVariance(r, mu, cov).MaxDiversification();
            case OptimizationMethod.RiskParity:
                RequireDefaultConstraints(r, "risk-parity");
                return r.RiskMeasure is RiskMeasure.Variance or RiskMeasure.Volatility
                    ? RiskBudgeting.Solve(cov, r.RiskBudgets)
                    : ScenarioRiskBudgeting.Solve(HierarchicalScenarios(r), r.RiskMeasure, r.Alpha, r.RiskBudgets, TimeSpan.FromSeconds(60));
            case OptimizationMethod.Hrp:
                if (r.Constraints is { } hc && (hc.Budget != 1 || hc.Groups.Count > 0 || hc.Inequalities.Count > 0 || hc.L2Gamma != 0))
                {
                    throw Guard.Invalid("hrp supports weight bounds only (budget 1, no groups, inequalities or L2)", "constraints");
                }

                var hrp = HierarchicalRiskParity.Compute(cov, null, Hierarchical(r, withBounds: true));
                return new PortfolioWeights(hrp.Weights, "hrp", 0, []);
            case OptimizationMethod.Herc:
                RequireDefaultConstraints(r, "herc");
                var herc = HierarchicalEqualRiskContribution.Compute(cov, null, Hierarchical(r, withBounds: false), r.ClusterCount ?? throw Guard.Invalid("herc needs the number of clusters", "clusters"));
                return new PortfolioWeights(herc.Weights, "herc", 0, []);
            case OptimizationMethod.InverseVolatility:
                RequireDefaultConstraints(r, "inverse-volatility");
                return new PortfolioWeights(NaiveAllocation.InverseRisk(cov, 1), "closed-form", 0, []);
            case OptimizationMethod.InverseVariance:
                RequireDefaultConstraints(r, "inverse-variance");
                return new PortfolioWeights(NaiveAllocation.InverseRisk(cov, 2), "closed-form", 0, []);
            case OptimizationMethod.MinCvar:
                // The CVaR LP runs on GLOP (measured faster than the former dedicated interior point; perf/results).
                return ScenarioOptimizer.Optimize(ScenarioProblemOf(r with
                {
                    Method = r.TargetReturn is null ? OptimizationMethod.MinVolatility : OptimizationMethod.EfficientReturn,
                    RiskMeasure = RiskMeasure.ConditionalValueAtRisk,
                    Alpha = Math.Round(1 - r.CvarBeta, 12),
                }, mu));
            case OptimizationMethod.SupervisedKnn:
                return SupervisedKnn(r);
            case OptimizationMethod.EqualWeight:
                RequireDefaultConstraints(r, "equal-weight");
                return new PortfolioWeights(NaiveAllocation.Equal(n), "closed-form", 0, []);
            default:
                throw Guard.Invalid($"unknown method {r.Method}", "method");
        }
    }

    private static PortfolioWeights SupervisedKnn(OptimizationRequest r)
    {
        if (r.Constraints is { } c && (c.Budget != 1 || c.Groups.Count > 0 || c.Inequalities.Count > 0 || c.L2Gamma != 0 || c.LowerBounds.Any(l => l != 0) || c.UpperBounds.Distinct().Count() > 1))
        {
            throw Guard.Invalid("supervised-knn supports one maximum weight for every asset only (long only, fully invested)", "constraints");
        }

        var history = r.Returns?.CompleteRows() ?? throw Guard.Invalid("supervised-knn needs a returns (or prices) matrix as history", "returns");
        var options = (r.SupervisedKnn ?? new SupervisedKnnOptions()) with
        {
            RiskFreeRate = r.RiskFreeRate,
            PeriodsPerYear = r.PeriodsPerYear,
            MaxWeight = r.Constraints is { } b && b.UpperBounds.Length > 0 ? b.UpperBounds.Max() : 1,
        };
        var prediction = SupervisedKnnModel.Allocate(history.Values, options);
        prediction = prediction with { Neighbours = [.. prediction.Neighbours.Select(n => n with { Date = history.Labels[n.Row] })] };
        return new PortfolioWeights(prediction.Weights, "supervised-knn", prediction.TrainingPoints, []) { SupervisedKnn = prediction };
    }

    private static MeanVarianceOptimizer MeanVariance(OptimizationRequest r, double[]? mu, double[,] cov) =>
        new(mu, cov, r.Constraints ?? PortfolioConstraints.LongOnly(r.Assets.Count), SolverByName(r.Solver), r.Assets);

    private static HierarchicalOptions Hierarchical(OptimizationRequest r, bool withBounds) => new()
    {
        Linkage = r.Linkage,
        OptimalLeafOrdering = r.OptimalLeafOrdering,
        ClusterRisk = r.ClusterRisk,
        ScenarioMeasure = r.RiskMeasure is RiskMeasure.Variance or RiskMeasure.Volatility ? null : r.RiskMeasure,
        Scenarios = r.RiskMeasure is RiskMeasure.Variance or RiskMeasure.Volatility ? null : HierarchicalScenarios(r),
        Alpha = r.Alpha,
        LowerBounds = withBounds ? r.Constraints?.LowerBounds : null,
        UpperBounds = withBounds ? r.Constraints?.UpperBounds : null,
    };

    /// <summary>Closed-form and hierarchical methods are long-only and fully invested; other constraints are refused, not ignored.</summary>
    private static void RequireDefaultConstraints(OptimizationRequest r, string method)
    {
        if (r.Constraints is { } c && (c.Budget != 1 || c.Groups.Count > 0 || c.Inequalities.Count > 0 || c.L2Gamma != 0
            || c.LowerBounds.Any(l => l != 0) || c.UpperBounds.Any(u => u < 1)))
        {
            throw Guard.Invalid($"{method} supports no constraints other than long-only, fully invested", "constraints");
        }
    }

    private static OptimizationResult Result(OptimizationRequest r, double[]? mu, double[,] cov, PortfolioWeights w, long start)
    {
        var perf = PortfolioPerformance.Compute(w.Weights, mu, cov, r.RiskFreeRate);
        var scenarios = r.EvaluateRiskMeasures ? r.Returns?.CompleteRows() : null;
        var risk = scenarios is { RowCount: >= 2 } ? ScenarioRisk.EvaluateAll(scenarios.Values, w.Weights, r.Alpha) : null;
        return new OptimizationResult(r.Assets, w.Weights, perf, w.Solver, w.Iterations, w.ActiveConstraints, Stopwatch.GetElapsedTime(start), risk) { SupervisedKnn = w.SupervisedKnn };
    }
}
