namespace RiskGrpc.Cloud.Tests.Client;

public sealed class CloudAnswerValidatorTests
{
    private static readonly CloudOptimizationRequest Request = new()
    {
        Endpoint = CloudEndpoint.MinimumVariance,
        Assets = 3,
        MinimumWeights = [0, 0.1, 0],
        MaximumWeights = [0.5, 1, 1],
        MinimumExposure = 0.9,
        MaximumExposure = 1,
        Groups = [[1, 2]],
        GroupCaps = [0.7],
    };

    [Theory]
    [InlineData(new[] { 0.4, 0.3, 0.3 }, null)]
    [InlineData(new[] { 0.4, 0.3 }, "expected 3 weights")]
    [InlineData(new[] { double.NaN, 0.5, 0.5 }, "not a finite")]
    [InlineData(new[] { 0.5000001, 0.2, 0.2999999 }, null)]
    [InlineData(new[] { 0.50001, 0.19999, 0.3 }, "outside its bounds")]
    [InlineData(new[] { 0.3, 0.05, 0.65 }, "outside its bounds")]
    [InlineData(new[] { 0.3, 0.3, 0.2 }, "outside the exposure")]
    [InlineData(new[] { 0.4, 0.4, 0.2 }, "above its cap")]
    [InlineData(new[] { 1.5, 0.2, -0.7 }, "not a finite fraction")]
    public void Validate_Answer_AcceptedOrRejectedWithCause(double[] weights, string? problem)
    {
        var result = CloudAnswerValidator.Validate(Request, weights, 1e-6);

        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_TinyNegative_ClippedToZero()
    {
        var request = new CloudOptimizationRequest { Endpoint = CloudEndpoint.MostDiversified, Assets = 2 };
        double[] weights = [-1e-10, 1];

        Assert.Null(CloudAnswerValidator.Validate(request, weights, 1e-6));
        Assert.Equal(0.0, weights[0]);
    }
}
