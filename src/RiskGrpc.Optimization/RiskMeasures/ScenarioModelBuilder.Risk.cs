namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>The measures' slack formulations (all homogeneous in (w, slacks), so the ratio form reuses them).</summary>
internal sealed partial class ScenarioModelBuilder
{
    /// <summary>Index of ζ of a cut-generated CVaR/CDaR model.</summary>
    public int TailZeta { get; private set; } = -1;

    /// <summary>Index of z₀ of a cut-generated model; zₜ is at <c>TailSlackStart + t</c> (every scenario has one, in a row or not).</summary>
    public int TailSlackStart { get; private set; } = -1;

    /// <summary>Index of t (ρ's epigraph variable) of an OWA model built with <see cref="OwaCuts"/>, else −1.</summary>
    public int OwaRisk { get; private set; } = -1;

    /// <summary>Adds the OWA cut t − gᵀw ≥ 0 and returns it.</summary>
    public ScenarioModelRow AddOwaPiece(double[] g)
    {
        var idx = new int[_n + 1];
        var coef = new double[_n + 1];
        for (var j = 0; j < _n; j++)
        {
            (idx[j], coef[j]) = (W[j], -g[j]);
        }

        (idx[_n], coef[_n]) = (OwaRisk, 1);
        Model.AddRow(idx, coef, 0, double.PositiveInfinity, "owa cut");
        return Model.Rows[^1];
    }

    private void AddRisk(RiskMeasure measure, double alpha, double quadraticScale, TailCuts? cuts, OwaCuts? owaCuts)
    {
        if (owaCuts is not null)
        {
            OwaRisk = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
            Risk.Add(OwaRisk, 1);
            AddOwaPiece(owaCuts.Piece(Enumerable.Repeat(1.0 / _n, _n).ToArray()).Coefficients);
            return;
        }

        if (cuts is not null)
        {
            AddTailCuts(cuts, alpha);
            return;
        }

        switch (measure)
        {
            case RiskMeasure.Mad:
            case RiskMeasure.SemiDeviation:
                {
                    // dₜ ≥ (r̄ − rₜ)ᵀw, dₜ ≥ 0: Σdₜ = Σ|xₜ − x̄|/2 because the deviations from the mean sum to zero.
                    var mean = new double[_n];
                    for (var t = 0; t < _t; t++)
                    {
                        for (var j = 0; j < _n; j++)
                        {
                            mean[j] += _r[t, j] / _t;
                        }
                    }

                    var d = DeviationSlacks(mean, "mean deviation");
                    if (measure == RiskMeasure.Mad)
                    {
                        AddSum(d, 2.0 / _t);
                    }
                    else
                    {
                        SetQuadratic(d, _t, quadraticScale / (_t - 1));
                    }

                    break;
                }

            case RiskMeasure.FirstLowerPartialMoment:
                AddSum(DeviationSlacks(null, "lower partial moment"), 1.0 / _t);
                break;
            case RiskMeasure.SecondLowerPartialMoment:
                SetQuadratic(DeviationSlacks(null, "lower partial moment"), _t, quadraticScale / (_t - 1));
                break;
            case RiskMeasure.ConditionalValueAtRisk:
                AddCvar(alpha);
                break;
            case RiskMeasure.WorstRealization:
            case RiskMeasure.Range:
                {
                    var a = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
                    Risk.Add(a, 1);
                    for (var t = 0; t < _t; t++)
                    {
                        AddScenarioRow(t, 1, null, [(a, 1.0)], false, "worst realization");
                    }

                    if (measure == RiskMeasure.Range)
                    {
                        var b = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
                        Risk.Add(b, 1);
                        for (var t = 0; t < _t; t++)
                        {
                            AddScenarioRow(t, -1, null, [(b, 1.0)], false, "best realization");
                        }
                    }

                    break;
                }

            case RiskMeasure.MaxDrawdown:
            case RiskMeasure.AverageDrawdown:
            case RiskMeasure.ConditionalDrawdownAtRisk:
            case RiskMeasure.UlcerIndex:
                AddDrawdownRisk(measure, alpha, quadraticScale);
                break;
            case RiskMeasure.GiniMeanDifference:
                AddOwa(OwaWeights.GiniMeanDifference(_t));
                break;
            case RiskMeasure.TailGini:
                AddOwa(OwaWeights.TailGini(_t, alpha));
                break;
            case RiskMeasure.ConditionalValueAtRiskRange:
                AddOwa(OwaWeights.CvarRange(_t, alpha));
                break;
            default:
                throw new OptimizationException(OptimizationErrorKind.UnsupportedRiskMeasure, $"{RiskMeasureInfo.Name(measure)} cannot be optimised on scenarios here", "risk_measure");
        }
    }

    /// <summary>dₜ ≥ 0, dₜ + (rₜ − shift)ᵀw ≥ 0; returns the first slack index (T consecutive).</summary>
    private int DeviationSlacks(double[]? shift, string name)
    {
        var d = Model.AddVariables(_t, 0, double.PositiveInfinity);
        for (var t = 0; t < _t; t++)
        {
            AddScenarioRow(t, 1, shift, [(d + t, 1.0)], false, name);
        }

        return d;
    }

    /// <summary>Rockafellar-Uryasev: ζ + Σzₜ/(αT), zₜ ≥ −xₜ − ζ, zₜ ≥ 0.</summary>
    private void AddCvar(double alpha)
    {
        var zeta = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
        var z = Model.AddVariables(_t, 0, double.PositiveInfinity);
        Risk.Add(zeta, 1);
        AddSum(z, 1 / (alpha * _t));
        for (var t = 0; t < _t; t++)
        {
            AddScenarioRow(t, 1, null, [(zeta, 1.0), (z + t, 1.0)], false, "cvar tail");
        }
    }

    /// <summary>Drawdowns uₜ ≥ uₜ₋₁ − xₜ, uₜ ≥ 0 (u₀ = 0), then the measure on u.</summary>
    private void AddDrawdownRisk(RiskMeasure measure, double alpha, double quadraticScale)
    {
        var u = Model.AddVariables(_t, 0, double.PositiveInfinity);
        for (var t = 0; t < _t; t++)
        {
            if (t == 0)
            {
                AddScenarioRow(t, 1, null, [(u, 1.0)], false, "drawdown");
            }
            else
            {
                AddScenarioRow(t, 1, null, [(u + t, 1.0), (u + t - 1, -1.0)], false, "drawdown");
            }
        }

        switch (measure)
        {
            case RiskMeasure.MaxDrawdown:
                var max = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
                Risk.Add(max, 1);
                for (var t = 0; t < _t; t++)
                {
                    Model.AddRow([max, u + t], [1.0, -1.0], 0, double.PositiveInfinity, "max drawdown");
                }

                break;
            case RiskMeasure.AverageDrawdown:
                AddSum(u, 1.0 / _t);
                break;
            case RiskMeasure.UlcerIndex:
                SetQuadratic(u, _t, quadraticScale / _t);
                break;
            default:
                var zeta = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
                var z = Model.AddVariables(_t, 0, double.PositiveInfinity);
                Risk.Add(zeta, 1);
                AddSum(z, 1 / (alpha * _t));
                for (var t = 0; t < _t; t++)
                {
                    Model.AddRow([z + t, zeta, u + t], [1.0, 1.0, -1.0], 0, double.PositiveInfinity, "cdar tail");
                }

                break;
        }
    }

    /// <summary>
    /// OWA Σθᵢx₍ᵢ₎ with non-decreasing θ: θ₁Σxₜ + Σₖ (θₖ − θₖ₋₁)·top_{T−k+1}(x), where the sum of the m largest returns is
    /// min m·ζ + Σ max(xₜ − ζ, 0). Equal jumps of θ (the CVaR plateaus) add no variables.
    /// </summary>
    private void AddOwa(double[] theta)
    {
        var x = Model.AddVariables(_t, double.NegativeInfinity, double.PositiveInfinity);
        for (var t = 0; t < _t; t++)
        {
            AddScenarioRow(t, -1, null, [(x + t, 1.0)], true, "portfolio return");
        }

        AddSum(x, theta[0]);
        var scale = theta.Max(Math.Abs);
        for (var k = 1; k < _t; k++)
        {
            var jump = theta[k] - theta[k - 1];
            if (jump < -1e-12 * scale)
            {
                throw new OptimizationException(OptimizationErrorKind.UnsupportedRiskMeasure, "the OWA weights are not non-decreasing, so the measure is not convex", "risk_measure");
            }

            if (jump <= 1e-15 * scale)
            {
                continue;
            }

            var m = _t - k;
            var zeta = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
            var s = Model.AddVariables(_t, 0, double.PositiveInfinity);
            Risk.Add(zeta, jump * m);
            AddSum(s, jump);
            for (var t = 0; t < _t; t++)
            {
                Model.AddRow([s + t, zeta, x + t], [1.0, 1.0, -1.0], 0, double.PositiveInfinity, "owa order");
            }
        }
    }

    /// <summary>
    /// ζ + Σ zₜ/(αT) with zₜ ≥ aₛₜᵀw − ζ for each piece (s, t) of <paramref name="cuts"/>. Every scenario gets its zₜ now (an
    /// unconstrained one sits at 0), so later pieces add rows only and a warm-started simplex keeps its basis.
    /// </summary>
    private void AddTailCuts(TailCuts cuts, double alpha)
    {
        TailZeta = Model.AddVariable(double.NegativeInfinity, double.PositiveInfinity);
        Risk.Add(TailZeta, 1);
        TailSlackStart = Model.AddVariables(_t, 0, double.PositiveInfinity);
        AddSum(TailSlackStart, 1 / (alpha * _t));
        foreach (var (peak, t) in cuts.Pieces)
        {
            AddTailPiece(cuts, peak, t);
        }
    }

    /// <summary>Adds the row zₜ + ζ − aₛₜᵀw ≥ 0 of piece (s, t) and returns it.</summary>
    public ScenarioModelRow AddTailPiece(TailCuts cuts, int peak, int t)
    {
        var a = cuts.Coefficients(peak, t);
        var idx = new int[_n + 2];
        var coef = new double[_n + 2];
        for (var j = 0; j < _n; j++)
        {
            (idx[j], coef[j]) = (W[j], -a[j]);
        }

        (idx[_n], coef[_n], idx[_n + 1], coef[_n + 1]) = (TailZeta, 1, TailSlackStart + t, 1);
        Model.AddRow(idx, coef, 0, double.PositiveInfinity, "tail loss");
        return Model.Rows[^1];
    }

    private void AddSum(int first, double coefficient)
    {
        for (var t = 0; t < _t; t++)
        {
            Risk.Add(first + t, coefficient);
        }
    }

    private void SetQuadratic(int first, int count, double coefficient)
    {
        for (var t = 0; t < count; t++)
        {
            Model.Quadratic[first + t] = coefficient;
        }
    }
}
