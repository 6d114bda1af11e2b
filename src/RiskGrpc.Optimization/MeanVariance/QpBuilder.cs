using RiskGrpc.Optimization.Solvers;

namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>Turns <see cref="PortfolioConstraints"/> into QP rows, in weight space or in the homogenised space of max Sharpe.</summary>
internal static class QpBuilder
{
    /// <summary>Hessian riskScale·S + 2γI (row-major).</summary>
    public static double[] Hessian(double[,] covariance, double riskScale, double l2Gamma)
    {
        var n = covariance.GetLength(0);
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[(i * n) + j] = riskScale * covariance[i, j];
            }

            h[(i * n) + i] += 2 * l2Gamma;
        }

        return h;
    }

    /// <summary>QP in w: bounds, Σw = budget, group limits, Aw ≤ b.</summary>
    public static QuadraticProgram WeightSpace(double[] hessian, double[] linear, PortfolioConstraints c, IReadOnlyList<string>? names)
    {
        var n = c.AssetCount;
        var qp = new QuadraticProgram(hessian, linear) { VariableNames = names };
        c.LowerBounds.CopyTo(qp.LowerBounds, 0);
        c.UpperBounds.CopyTo(qp.UpperBounds, 0);
        qp.AddEquality(Ones(n), c.Budget, "budget");
        foreach (var g in c.Groups)
        {
            var row = Indicator(n, g.Members);
            if (!double.IsNegativeInfinity(g.Lower))
            {
                qp.AddGreaterOrEqual(row, g.Lower, $"group {g.Name} lower");
            }

            if (!double.IsPositiveInfinity(g.Upper))
            {
                qp.AddLessOrEqual(row, g.Upper, $"group {g.Name} upper");
            }
        }

        foreach (var ineq in c.Inequalities)
        {
            qp.AddLessOrEqual(ineq.Coefficients.ToArray(), ineq.Bound, ineq.Name);
        }

        return qp;
    }

    /// <summary>
    /// Max-Sharpe QP in y = k·w with k = Σy eliminated (so the Hessian stays S): min yᵀSy s.t. (μ − rf)ᵀy = 1 and every
    /// constraint on w multiplied by k, i.e. lᵢΣy ≤ yᵢ ≤ uᵢΣy, group and general rows homogenised, Σy ≥ 0.
    /// </summary>
    public static QuadraticProgram Homogenised(double[] hessian, double[] excess, PortfolioConstraints c, IReadOnlyList<string>? names)
    {
        var n = c.AssetCount;
        var qp = new QuadraticProgram(hessian, new double[n]) { VariableNames = names };
        qp.AddEquality(excess, 1.0, "excess return normalisation");
        var longOnly = c.LowerBounds.All(l => l >= 0);
        for (var i = 0; i < n; i++)
        {
            var lo = c.LowerBounds[i];
            var hi = c.UpperBounds[i];
            if (lo == 0)
            {
                qp.LowerBounds[i] = 0;
            }
            else if (!double.IsNegativeInfinity(lo))
            {
                var row = Scaled(Ones(n), -lo);
                row[i] += 1;
                qp.AddGreaterOrEqual(row, 0, $"lower bound of {Name(names, i)}");
            }

            // With y ≥ 0, yᵢ ≤ Σy already holds, so an upper bound of 1 adds nothing.
            if (!double.IsPositiveInfinity(hi) && !(longOnly && hi >= 1))
            {
                var row = Scaled(Ones(n), hi);
                row[i] -= 1;
                qp.AddGreaterOrEqual(row, 0, $"upper bound of {Name(names, i)}");
            }
        }

        if (!longOnly)
        {
            qp.AddGreaterOrEqual(Ones(n), 0, "scale k = Σy ≥ 0");
        }

        foreach (var g in c.Groups)
        {
            var ind = Indicator(n, g.Members);
            if (!double.IsNegativeInfinity(g.Lower))
            {
                qp.AddGreaterOrEqual(Add(ind, Scaled(Ones(n), -g.Lower)), 0, $"group {g.Name} lower");
            }

            if (!double.IsPositiveInfinity(g.Upper))
            {
                qp.AddGreaterOrEqual(Add(Scaled(ind, -1), Scaled(Ones(n), g.Upper)), 0, $"group {g.Name} upper");
            }
        }

        foreach (var ineq in c.Inequalities)
        {
            qp.AddGreaterOrEqual(Add(Scaled(ineq.Coefficients.ToArray(), -1), Scaled(Ones(n), ineq.Bound)), 0, ineq.Name);
        }

        return qp;
    }

    public static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    private static string Name(IReadOnlyList<string>? names, int i) => names is not null && i < names.Count ? names[i] : $"x[{i}]";

    private static double[] Indicator(int n, IReadOnlyList<int> members)
    {
        var row = new double[n];
        foreach (var m in members)
        {
            row[m] = 1;
        }

        return row;
    }

    private static double[] Scaled(double[] v, double k) => v.Select(x => x * k).ToArray();

    private static double[] Add(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();
}
