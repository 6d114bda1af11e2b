using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Builds the one <see cref="ScenarioModel"/> of a scenario problem: the weights w (or, homogenised for the ratio, y = k·w
/// and k ≥ 0), every portfolio constraint (bounds, budget, groups, Aw ≤ b; homogenised rows scale their limits by k),
/// and the measure's slack variables and rows. LP measures leave a linear <see cref="Risk"/> expression; root-quadratic
/// ones put ρ² = Σqᵢsᵢ² into the model's quadratic terms (times <c>quadraticScale</c>).
/// </summary>
internal sealed partial class ScenarioModelBuilder
{
    private readonly double[,] _r;
    private readonly int _t;
    private readonly int _n;

    private ScenarioModelBuilder(double[,] returns, bool homogenised)
    {
        _r = returns;
        _t = returns.GetLength(0);
        _n = returns.GetLength(1);
        W = new int[_n];
        Homogenised = homogenised;
    }

    /// <summary>The model.</summary>
    public ScenarioModel Model { get; } = new();

    /// <summary>Indices of the weight variables (y in the homogenised form).</summary>
    public int[] W { get; }

    /// <summary>Index of k in the homogenised form, else −1.</summary>
    public int K { get; private set; } = -1;

    /// <summary>True for the y = k·w form.</summary>
    public bool Homogenised { get; }

    /// <summary>ρ as a linear expression (empty for root-quadratic measures).</summary>
    public LinearExpression Risk { get; } = new();

    /// <summary>
    /// Builds the weights and constraints, and the risk model of <paramref name="measure"/> unless it is null (a pure
    /// feasibility model). With <paramref name="cuts"/>, CVaR/CDaR carry only the cuts' loss pieces; with
    /// <paramref name="owaCuts"/>, an OWA measure is one variable t above the equal-weight piece. Without
    /// <paramref name="budget"/> the weights are free in scale (risk budgeting normalises them afterwards).
    /// </summary>
    public static ScenarioModelBuilder Create(double[,] returns, PortfolioConstraints c, RiskMeasure? measure, double alpha, bool homogenised, double quadraticScale = 1, TailCuts? cuts = null, bool budget = true, OwaCuts? owaCuts = null)
    {
        var b = new ScenarioModelBuilder(returns, homogenised);
        b.AddWeights(c, budget);
        if (measure is { } m)
        {
            b.AddRisk(m, alpha, quadraticScale, cuts, owaCuts);
        }

        return b;
    }

    /// <summary>lo ≤ aᵀw ≤ hi (homogenised: aᵀy − lo·k ≥ 0 and aᵀy − hi·k ≤ 0).</summary>
    public void AddPortfolioRow(IReadOnlyList<int> members, IReadOnlyList<double> coefficients, double lower, double upper, string name)
    {
        var idx = members.Select(i => W[i]).ToArray();
        var coef = coefficients.ToArray();
        if (!Homogenised)
        {
            if (double.IsFinite(lower) || double.IsFinite(upper))
            {
                Model.AddRow(idx, coef, lower, upper, name);
            }

            return;
        }

        if (lower == upper)
        {
            Model.AddRow([.. idx, K], [.. coef, -lower], 0, 0, name);
            return;
        }

        if (double.IsFinite(lower))
        {
            Model.AddRow([.. idx, K], [.. coef, -lower], 0, double.PositiveInfinity, name);
        }

        if (double.IsFinite(upper))
        {
            Model.AddRow([.. idx, K], [.. coef, -upper], double.NegativeInfinity, 0, name);
        }
    }

    /// <summary>The weights of a solution: x[W], divided by k when homogenised.</summary>
    public double[] Weights(double[] x)
    {
        var w = W.Select(i => x[i]).ToArray();
        if (Homogenised)
        {
            var k = x[K];
            if (!(k > 0))
            {
                throw new OptimizationException(OptimizationErrorKind.SolverFailed, $"the homogenised ratio problem returned k = {k}");
            }

            for (var i = 0; i < w.Length; i++)
            {
                w[i] /= k;
            }
        }

        return w;
    }

    private void AddWeights(PortfolioConstraints c, bool budget)
    {
        var all = Enumerable.Range(0, _n).ToArray();
        if (!Homogenised)
        {
            for (var i = 0; i < _n; i++)
            {
                W[i] = Model.AddVariable(c.LowerBounds[i], c.UpperBounds[i]);
            }
        }
        else
        {
            for (var i = 0; i < _n; i++)
            {
                W[i] = Model.AddVariable(c.LowerBounds[i] >= 0 ? 0 : double.NegativeInfinity, c.UpperBounds[i] <= 0 ? 0 : double.PositiveInfinity);
            }

            K = Model.AddVariable(0, double.PositiveInfinity);
            for (var i = 0; i < _n; i++)
            {
                AddPortfolioRow([i], [1.0], c.LowerBounds[i] == 0 ? double.NegativeInfinity : c.LowerBounds[i], c.UpperBounds[i], $"bounds of asset {i}");
            }
        }

        if (budget)
        {
            AddPortfolioRow(all, Enumerable.Repeat(1.0, _n).ToArray(), c.Budget, c.Budget, "budget");
        }

        foreach (var g in c.Groups)
        {
            AddPortfolioRow(g.Members, Enumerable.Repeat(1.0, g.Members.Count).ToArray(), g.Lower, g.Upper, $"group '{g.Name}'");
        }

        foreach (var ineq in c.Inequalities)
        {
            AddPortfolioRow(all, ineq.Coefficients, double.NegativeInfinity, ineq.Bound, $"inequality '{ineq.Name}'");
        }
    }

    /// <summary>Adds Σⱼ scale·rₜⱼ·wⱼ + Σ extra ≥ 0 (or = 0) as one row.</summary>
    private void AddScenarioRow(int t, double scale, double[]? shift, ReadOnlySpan<(int Index, double Coefficient)> extra, bool equality, string name)
    {
        var idx = new int[_n + extra.Length];
        var coef = new double[_n + extra.Length];
        for (var j = 0; j < _n; j++)
        {
            idx[j] = W[j];
            coef[j] = scale * (_r[t, j] - (shift?[j] ?? 0));
        }

        for (var k = 0; k < extra.Length; k++)
        {
            idx[_n + k] = extra[k].Index;
            coef[_n + k] = extra[k].Coefficient;
        }

        Model.AddRow(idx, coef, 0, equality ? 0 : double.PositiveInfinity, name);
    }
}
