using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using RiskGrpc.Cloud;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Server.Optimization;

/// <summary>
/// <c>riskgrpc.v1.OptimizerService</c>: maps requests to <see cref="PortfolioOptimizer"/> and back. The engine is
/// CPU-bound and synchronous; calls complete inline. Engine failures become rich statuses (<see cref="OptimizerRpcErrors"/>).
/// </summary>
public sealed class OptimizerGrpcService : OptimizerService.OptimizerServiceBase
{
    private const int MaxFrontierPoints = 1000;
    private readonly ILogger<OptimizerGrpcService> _logger;
    private readonly OptimizationRouter _router;

    /// <summary>Creates the service answering every Optimize call locally (no cloud).</summary>
    public OptimizerGrpcService(ILogger<OptimizerGrpcService> logger)
        : this(logger, new OptimizationRouter(HybridPortfolioOptimizer.LocalOnly(), NullLogger<OptimizationRouter>.Instance))
    {
    }

    /// <summary>Creates the service with the router that picks each Optimize call's venue (the constructor DI uses).</summary>
    [ActivatorUtilitiesConstructor]
    public OptimizerGrpcService(ILogger<OptimizerGrpcService> logger, OptimizationRouter router)
    {
        _logger = logger;
        _router = router;
    }

    /// <inheritdoc />
    public override Task<OptimizeResponse> Optimize(OptimizeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        // The router runs the engine locally or asks the cloud first (request.Routing); see OptimizationRouter.
        return _router.OptimizeAsync(request.Routing, Run(() => OptimizerRequestMapper.Map(request)), context);
    }

    /// <inheritdoc />
    public override Task<ComputeEfficientFrontierResponse> ComputeEfficientFrontier(ComputeEfficientFrontierRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (request.Points < 2 || request.Points > MaxFrontierPoints)
        {
            throw OptimizerRpcErrors.InvalidArgument("points", $"points must be between 2 and {MaxFrontierPoints}, got {request.Points}");
        }

        var frontier = Run(() => PortfolioOptimizer.EfficientFrontier(OptimizerRequestMapper.Map(request), request.Points));
        var response = new ComputeEfficientFrontierResponse();
        response.Portfolios.Add(frontier.Select(OptimizerResponseMapper.Portfolio));
        var measure = OptimizerRiskMeasureMapper.MeasureOf(request.RiskMeasure);
        if (frontier.All(f => f.Risk is not null))
        {
            response.Risk.Add(frontier.Select(f => f.Risk![measure]));
        }

        var last = frontier[^1];
        response.Diagnostics = OptimizerResponseMapper.Diagnostics(last, frontier.Sum(f => f.Iterations), last.Elapsed);
        response.Diagnostics.ActiveConstraints.Clear();
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<EvaluateRiskResponse> EvaluateRisk(EvaluateRiskRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run(() => OptimizerRiskMeasureMapper.Evaluate(request)));
    }

    private T Run<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (OptimizationException ex)
        {
            OptimizerLog.Rejected(_logger, ex.Kind, ex.Message);
            throw OptimizerRpcErrors.From(ex);
        }
    }
}
