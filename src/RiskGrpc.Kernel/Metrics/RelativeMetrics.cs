namespace RiskGrpc.Kernel;

/// <summary>Benchmark-relative metrics over rows where both returns and benchmark are present.</summary>
public struct RelativeMetrics
{
    /// <summary>cov(r, b) / var(b), population moments.</summary>
    public double Beta { get; set; }

    /// <summary>(1 + mean(e − beta·(b − rf_p)))^A − 1 (empyrical).</summary>
    public double Alpha { get; set; }

    /// <summary>(mean(r) − beta·mean(b))·A (QuantStats greeks).</summary>
    public double AlphaLinear { get; set; }

    /// <summary>mean(r − b) / sd(r − b), not annualised.</summary>
    public double InformationRatio { get; set; }

    /// <summary>sd(r − b)·√A.</summary>
    public double TrackingError { get; set; }

    /// <summary>Pearson correlation of r and b.</summary>
    public double Correlation { get; set; }

    /// <summary>correlation².</summary>
    public double RSquared { get; set; }

    /// <summary>(total_return − rf) / beta.</summary>
    public double TreynorRatio { get; set; }

    /// <summary>cagr(r) / cagr(b).</summary>
    public double Capture { get; set; }

    /// <summary>Capture over rows with b &gt; 0, years = rows / A.</summary>
    public double UpCapture { get; set; }

    /// <summary>Capture over rows with b &lt; 0, years = rows / A.</summary>
    public double DownCapture { get; set; }

    /// <summary>up_capture / down_capture.</summary>
    public double UpDownCapture { get; set; }

    /// <summary>Alpha over rows with b &gt; 0.</summary>
    public double UpAlpha { get; set; }

    /// <summary>Beta over rows with b &gt; 0.</summary>
    public double UpBeta { get; set; }

    /// <summary>Alpha over rows with b &lt; 0.</summary>
    public double DownAlpha { get; set; }

    /// <summary>Beta over rows with b &lt; 0.</summary>
    public double DownBeta { get; set; }

    /// <summary>Share of rows with r − b &gt; 0.</summary>
    public double BattingAverage { get; set; }

    /// <summary>Share of rows with r − b &gt; 0 among rows with b ≥ 0.</summary>
    public double BattingAverageUp { get; set; }

    /// <summary>Share of rows with r − b &gt; 0 among rows with b &lt; 0.</summary>
    public double BattingAverageDown { get; set; }

    /// <summary>Beta fragility heuristic as empyrical defines it.</summary>
    public double BetaFragilityHeuristic { get; set; }
}
