namespace RiskGrpc.Cloud;

/// <summary>
/// Checks a cloud answer before it is used (§7): n weights, all finite and in [−1e-9, 1 + 1e-9], Σw within
/// [minimum exposure, maximum exposure] ± tol, every bound and group cap respected to tol. Tiny negatives are clipped to 0.
/// </summary>
public static class CloudAnswerValidator
{
    private const double RangeSlack = 1e-9;

    /// <summary>Null when <paramref name="weights"/> answers <paramref name="request"/>; otherwise what is wrong. Clips tiny negatives in place.</summary>
    public static string? Validate(CloudOptimizationRequest request, double[] weights, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != request.Assets)
        {
            return $"expected {request.Assets} weights, got {weights.Length}";
        }

        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!double.IsFinite(w) || w < -RangeSlack || w > 1 + RangeSlack)
            {
                return $"weight {i} = {w} is not a finite fraction in [0, 1]";
            }

            if (w < request.LowerBound(i) - tolerance || w > request.UpperBound(i) + tolerance)
            {
                return $"weight {i} = {w} is outside its bounds [{request.LowerBound(i)}, {request.UpperBound(i)}]";
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Max(weights[i], 0);
        }

        var sum = weights.Sum();
        if (sum < request.MinimumExposure - tolerance || sum > request.MaximumExposure + tolerance)
        {
            return $"weights sum to {sum}, outside the exposure [{request.MinimumExposure}, {request.MaximumExposure}]";
        }

        for (var k = 0; k < request.Groups.Count; k++)
        {
            var total = request.Groups[k].Sum(index => weights[index - 1]);
            if (total > request.GroupCaps[k] + tolerance)
            {
                return $"group {k} holds {total}, above its cap {request.GroupCaps[k]}";
            }
        }

        return null;
    }
}
