using Grpc.Core;
using RiskGrpc.Cloud;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Server.Optimization;

/// <summary>
/// The Optimize call's venue choice: hands the mapped request to <see cref="HybridPortfolioOptimizer"/> with the call's
/// routing and deadline, and shapes the answer (same weights and locally computed figures whichever venue answered,
/// plus <c>served_by</c>, <c>fallback_reason</c> and <c>cloud_attempts</c>). Engine and cloud-only failures become statuses.
/// </summary>
public sealed class OptimizationRouter
{
    private readonly HybridPortfolioOptimizer _hybrid;
    private readonly ILogger _logger;

    /// <summary>Creates the router.</summary>
    public OptimizationRouter(HybridPortfolioOptimizer hybrid, ILogger<OptimizationRouter> logger)
    {
        _hybrid = hybrid;
        _logger = logger;
    }

    /// <summary>Optimizes <paramref name="request"/> on the venue <paramref name="routing"/> selects.</summary>
    public async Task<OptimizeResponse> OptimizeAsync(OptimizationRouting routing, OptimizationRequest request, ServerCallContext context)
    {
        var venueChoice = routing switch
        {
            var r when Enum.IsDefined(r) => (CloudRouting)(int)r,
            _ => throw OptimizerRpcErrors.InvalidArgument("routing", $"unknown routing {(int)routing}"),
        };
        HybridOptimizationResult routed;
        try
        {
            routed = await _hybrid.OptimizeAsync(request, venueChoice, context.Deadline, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OptimizationException ex)
        {
            OptimizerLog.Rejected(_logger, ex.Kind, ex.Message);
            throw OptimizerRpcErrors.From(ex);
        }
        catch (CloudUnavailableException ex)
        {
            throw CloudRoutingErrors.From(ex);
        }

        var result = routed.Result;
        var diagnostics = OptimizerResponseMapper.Diagnostics(result, result.Iterations, result.Elapsed);
        diagnostics.ServedBy = routed.Venue == Cloud.OptimizationVenue.Cloud ? Contracts.V1.OptimizationVenue.Cloud : Contracts.V1.OptimizationVenue.Local;
        diagnostics.FallbackReason = routed.FallbackReason;
        diagnostics.CloudAttempts = routed.CloudAttempts;
        var response = new OptimizeResponse { Portfolio = OptimizerResponseMapper.Portfolio(result), Diagnostics = diagnostics };
        // Every scenario measure of the chosen weights, whichever venue chose them.
        var risk = result.Risk ?? (request.Returns?.CompleteRows() is { RowCount: >= 2 } scenarios
            ? RiskGrpc.Optimization.RiskMeasures.ScenarioRisk.EvaluateAll(scenarios.Values, result.Weights, request.Alpha)
            : null);
        response.Risk.Add(OptimizerRiskMeasureMapper.Values(risk));
        return response;
    }
}
