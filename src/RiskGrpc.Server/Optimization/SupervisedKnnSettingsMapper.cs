using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Server.Optimization;

/// <summary>Maps <see cref="SupervisedKnnSettings"/> to <see cref="SupervisedKnnOptions"/>; zero values keep the reference configuration.</summary>
internal static class SupervisedKnnSettingsMapper
{
    /// <summary>The options of <paramref name="settings"/>; an invalid value throws INVALID_ARGUMENT naming <c>{prefix}.{field}</c>.</summary>
    public static SupervisedKnnOptions Map(SupervisedKnnSettings settings, string prefix)
    {
        var defaults = new SupervisedKnnOptions();
        var options = defaults with
        {
            Distance = settings.Distance switch
            {
                SupervisedKnnDistance.Unspecified or SupervisedKnnDistance.Hassanat => NeighbourDistance.Hassanat,
                SupervisedKnnDistance.EuclideanZscore => NeighbourDistance.EuclideanZScore,
                _ => throw OptimizerRpcErrors.InvalidArgument($"{prefix}.distance", $"unknown distance {(int)settings.Distance}"),
            },
            Weighting = settings.Weighting switch
            {
                SupervisedKnnWeighting.Unspecified or SupervisedKnnWeighting.KStar => NeighbourWeighting.KStar,
                SupervisedKnnWeighting.FixedK => NeighbourWeighting.FixedInverseDistance,
                _ => throw OptimizerRpcErrors.InvalidArgument($"{prefix}.weighting", $"unknown weighting {(int)settings.Weighting}"),
            },
            FixedK = settings.K,
            LOverCGrid = settings.LOverC.Count == 0 ? defaults.LOverCGrid : [.. settings.LOverC],
            MinTrainingPoints = settings.MinTrainingPoints == 0 ? defaults.MinTrainingPoints : settings.MinTrainingPoints,
            SampleStep = settings.SampleStep == 0 ? defaults.SampleStep : settings.SampleStep,
            Ridge = settings.HasRidge ? settings.Ridge : defaults.Ridge,
            Horizon = settings.Horizon == 0 ? defaults.Horizon : settings.Horizon,
        };
        try
        {
            options.Validate();
        }
        catch (OptimizationException ex)
        {
            throw OptimizerRpcErrors.InvalidArgument($"{prefix}.{ex.Parameter}", ex.Message);
        }

        return options;
    }
}
