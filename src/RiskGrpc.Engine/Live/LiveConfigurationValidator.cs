namespace RiskGrpc.Engine.Live;

/// <summary>Checks a <see cref="LiveConfigurationChange"/>; returns the first problem or null.</summary>
internal static class LiveConfigurationValidator
{
    public static string? Validate(LiveConfigurationChange change, int maxWindowLength)
    {
        if (change.WindowLength != 0 && (change.WindowLength < 2 || change.WindowLength > maxWindowLength))
        {
            return $"configuration.window_length must be 2 to {maxWindowLength}, got {change.WindowLength}";
        }

        if (change.ConfidenceLevels.Count > LiveRiskSettings.MaxConfidenceLevels)
        {
            return $"configuration.confidence_levels may hold at most {LiveRiskSettings.MaxConfidenceLevels} levels, got {change.ConfidenceLevels.Count}";
        }

        for (var i = 0; i < change.ConfidenceLevels.Count; i++)
        {
            var c = change.ConfidenceLevels[i];
            if (!(c > 0 && c < 1))
            {
                return $"configuration.confidence_levels[{i}] must be in (0, 1), got {c:R}";
            }
        }

        if (change.MinUpdateInterval is { } interval && interval < TimeSpan.Zero)
        {
            return "configuration.min_update_interval must be ≥ 0";
        }

        if (change.PeriodsPerYear != 0 && !(double.IsFinite(change.PeriodsPerYear) && change.PeriodsPerYear > 0))
        {
            return $"configuration.periods_per_year must be > 0, got {change.PeriodsPerYear:R}";
        }

        if (change.RiskFreeRate is { } rf && !(double.IsFinite(rf) && rf > -1))
        {
            return $"configuration.risk_free_rate must be finite and > −1, got {rf:R}";
        }

        if (change.Capital is { } capital && !(double.IsFinite(capital) && capital > 0))
        {
            return $"configuration.capital must be finite and > 0, got {capital:R}";
        }

        return null;
    }
}
