using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Utility and efficient-risk for ρ = √(quadratic) measures. Both optima lie on the frontier traced by
/// w(ν) = argmin ν·ρ(w)² − μᵀw, along which ρ(ν) decreases and the slope dμ/dρ = 2νρ(ν) increases; a bisection on ln ν
/// finds ρ(ν) = cap, or 2νρ(ν) = λ (the first-order condition of μᵀw − λρ(w)); <see cref="LogBracketRoot"/> (Illinois
/// regula falsi on ln ν) needs about ten solves where bisection needed forty.
/// </summary>
public static partial class ScenarioOptimizer
{
    private const int BisectionSteps = 100;

    private static PortfolioWeights RootQuadraticUtility(ScenarioProblem p)
    {
        var iterations = 0;
        var (maxReturn, maxRisk) = MaxReturn(p, ref iterations);
        var lambda = p.RiskAversion;
        if (lambda == 0)
        {
            return maxReturn;
        }

        var minRisk = MinimizeRisk(p, homogenised: false, extra: null);
        var sigma0 = ScenarioRisk.Evaluate(p.Measure, p.Returns, minRisk.Weights, p.Alpha);
        if (sigma0 <= 0)
        {
            return minRisk;
        }

        // g(ν) = 2νρ(ν) − λ: g(λ/(2ρ_max)) ≤ 0 and g(λ/(2ρ_min)) ≥ 0 because ρ_min ≤ ρ(ν) ≤ ρ_max.
        var lo = lambda / (2 * Math.Max(maxRisk, sigma0));
        var hi = lambda / (2 * sigma0);
        PortfolioWeights? best = null;
        var bestUtility = double.NegativeInfinity;
        foreach (var candidate in new[] { maxReturn, minRisk })
        {
            Consider(candidate);
        }

        var root = new LogBracketRoot(lo, -1, hi, 1);
        var (below, above) = (maxReturn, minRisk);
        for (var step = 0; step < BisectionSteps && !root.Converged; step++)
        {
            var nu = root.Next();
            var (w, risk) = Penalised(p, nu, ref iterations);
            Consider(w);
            var g = (2 * nu * risk / lambda) - 1;
            if (Math.Abs(g) <= 1e-10)
            {
                return best! with { Iterations = iterations };
            }

            root.Update(nu, g);
            (below, above) = g < 0 ? (w, above) : (below, w);
        }

        // ρ² is not strictly convex in w, so ρ(ν) can jump where the penalised argmin is a segment; every point of that
        // segment is efficient, and the utility is concave along it: golden section between the bracketing portfolios.
        Consider(BestOnSegment(below.Weights, above.Weights, v => Dot(p.ExpectedReturns!, v) - (lambda * ScenarioRisk.Evaluate(p.Measure, p.Returns, v, p.Alpha)), best!));
        return best! with { Iterations = iterations };

        void Consider(PortfolioWeights w)
        {
            var u = Dot(p.ExpectedReturns!, w.Weights) - (lambda * ScenarioRisk.Evaluate(p.Measure, p.Returns, w.Weights, p.Alpha));
            if (u > bestUtility)
            {
                (best, bestUtility) = (w, u);
            }
        }
    }

    private static PortfolioWeights RootQuadraticEfficientRisk(ScenarioProblem p)
    {
        var cap = p.RiskCap!.Value;
        var iterations = 0;
        var minRisk = MinimizeRisk(p, homogenised: false, extra: null);
        var sigma0 = ScenarioRisk.Evaluate(p.Measure, p.Returns, minRisk.Weights, p.Alpha);
        if (cap < sigma0 * (1 - 1e-9))
        {
            throw new OptimizationException(OptimizationErrorKind.TargetVolatilityUnreachable, $"the risk cap {cap} is below the minimum {RiskMeasureInfo.Name(p.Measure)} {sigma0} the constraints allow", "target_risk");
        }

        var (maxReturn, maxRisk) = MaxReturn(p, ref iterations);
        if (maxRisk <= cap)
        {
            return maxReturn;
        }

        // ρ(ν) falls from ρ_max towards ρ_min as ν grows: find the smallest ν with ρ(ν) ≤ cap.
        var scale = Math.Max(p.ExpectedReturns!.Max(Math.Abs), 1e-12) / Math.Max(sigma0 * sigma0, 1e-300);
        double lo = scale * 1e-8, hi = scale, loRisk = maxRisk;
        var (feasible, risk) = Penalised(p, hi, ref iterations);
        for (var grow = 0; risk > cap && grow < 40; grow++)
        {
            (lo, loRisk) = (hi, risk);
            hi *= 10;
            (feasible, risk) = Penalised(p, hi, ref iterations);
        }

        if (risk > cap)
        {
            return minRisk with { Iterations = iterations };
        }

        var root = new LogBracketRoot(lo, (loRisk / cap) - 1, hi, (risk / cap) - 1);
        PortfolioWeights over = maxReturn;
        for (var step = 0; step < BisectionSteps && !root.Converged && risk < cap * (1 - 1e-10); step++)
        {
            var nu = root.Next();
            var (w, r) = Penalised(p, nu, ref iterations);
            if (r <= cap)
            {
                (feasible, risk) = (w, r);
            }
            else
            {
                over = w;
            }

            root.Update(nu, (r / cap) - 1);
        }

        if (risk < cap * (1 - 1e-10))
        {
            // A jump of ρ(ν) across the cap (see the utility): move along the efficient segment until ρ = cap; ρ is convex
            // and μᵀw linear along it, so the largest feasible step is found by bisection.
            double a = 0, b = 1;
            for (var i = 0; i < 60; i++)
            {
                var m = (a + b) / 2;
                (a, b) = ScenarioRisk.Evaluate(p.Measure, p.Returns, Mix(feasible.Weights, over.Weights, m), p.Alpha) <= cap ? (m, b) : (a, m);
            }

            feasible = feasible with { Weights = Mix(feasible.Weights, over.Weights, a) };
        }

        return feasible with { Iterations = iterations };
    }

    private static (PortfolioWeights W, double Risk) Penalised(ScenarioProblem p, double nu, ref int iterations)
    {
        var b = ScenarioModelBuilder.Create(p.Returns, p.Constraints!, p.Measure, p.Alpha, homogenised: false, quadraticScale: nu);
        AddReturnCost(b, p.ExpectedReturns!, -1);
        var w = Solve(p, b);
        iterations += w.Iterations;
        return (w, ScenarioRisk.Evaluate(p.Measure, p.Returns, w.Weights, p.Alpha));
    }

    private static (PortfolioWeights W, double Risk) MaxReturn(ScenarioProblem p, ref int iterations)
    {
        var b = ScenarioModelBuilder.Create(p.Returns, p.Constraints!, null, p.Alpha, homogenised: false);
        AddReturnCost(b, p.ExpectedReturns!, -1);
        var w = Solve(p, b);
        iterations += w.Iterations;
        return (w, ScenarioRisk.Evaluate(p.Measure, p.Returns, w.Weights, p.Alpha));
    }

    private static double[] Mix(double[] a, double[] b, double theta) => a.Zip(b, (x, y) => ((1 - theta) * x) + (theta * y)).ToArray();

    /// <summary>Golden-section maximum of a concave <paramref name="f"/> on the segment from <paramref name="a"/> to <paramref name="b"/>.</summary>
    private static PortfolioWeights BestOnSegment(double[] a, double[] b, Func<double[], double> f, PortfolioWeights template)
    {
        var invPhi = (Math.Sqrt(5) - 1) / 2;
        double lo = 0, hi = 1;
        for (var i = 0; i < 80; i++)
        {
            var m1 = hi - (invPhi * (hi - lo));
            var m2 = lo + (invPhi * (hi - lo));
            (lo, hi) = f(Mix(a, b, m1)) >= f(Mix(a, b, m2)) ? (lo, m2) : (m1, hi);
        }

        return template with { Weights = Mix(a, b, (lo + hi) / 2) };
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
