namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// A dense convex quadratic program: minimise <c>½ xᵀHx + gᵀx</c> subject to <c>Aₑx = bₑ</c>, <c>Aᵢx ≥ bᵢ</c> and
/// <c>l ≤ x ≤ u</c>. <c>H</c> is n×n row-major and symmetric; infinite bounds are absent bounds. Bounds are kept apart
/// from general rows because solvers exploit their unit normals.
/// </summary>
public sealed class QuadraticProgram
{
    private readonly List<LinearConstraint> _equalities = [];
    private readonly List<LinearConstraint> _inequalities = [];

    /// <summary>Creates the problem; <paramref name="hessian"/> (n·n, row-major) and <paramref name="linear"/> (n) are not copied.</summary>
    public QuadraticProgram(double[] hessian, double[] linear)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(linear);
        var n = linear.Length;
        if (hessian.Length != n * n)
        {
            throw Guard.Invalid($"Hessian has {hessian.Length} entries, expected {n}x{n}", "hessian");
        }

        Hessian = hessian;
        Linear = linear;
        LowerBounds = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        UpperBounds = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
    }

    /// <summary>Number of variables n.</summary>
    public int Dimension => Linear.Length;

    /// <summary>H, n×n row-major, symmetric.</summary>
    public double[] Hessian { get; }

    /// <summary>g, length n.</summary>
    public double[] Linear { get; }

    /// <summary>l, length n; <see cref="double.NegativeInfinity"/> means no lower bound.</summary>
    public double[] LowerBounds { get; }

    /// <summary>u, length n; <see cref="double.PositiveInfinity"/> means no upper bound.</summary>
    public double[] UpperBounds { get; }

    /// <summary>Names of the variables, used in diagnostics (defaults to <c>x[i]</c>).</summary>
    public IReadOnlyList<string>? VariableNames { get; set; }

    /// <summary>Equality rows <c>aᵀx = b</c>.</summary>
    public IReadOnlyList<LinearConstraint> Equalities => _equalities;

    /// <summary>Inequality rows <c>aᵀx ≥ b</c>.</summary>
    public IReadOnlyList<LinearConstraint> Inequalities => _inequalities;

    /// <summary>Adds <c>aᵀx = b</c>.</summary>
    public void AddEquality(double[] coefficients, double bound, string name) => _equalities.Add(Row(coefficients, bound, name));

    /// <summary>Adds <c>aᵀx ≥ b</c>.</summary>
    public void AddGreaterOrEqual(double[] coefficients, double bound, string name) => _inequalities.Add(Row(coefficients, bound, name));

    /// <summary>Adds <c>aᵀx ≤ b</c> (stored as <c>−aᵀx ≥ −b</c>).</summary>
    public void AddLessOrEqual(double[] coefficients, double bound, string name)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        _inequalities.Add(Row(coefficients.Select(c => -c).ToArray(), -bound, name));
    }

    /// <summary>Name of variable <paramref name="i"/>.</summary>
    public string VariableName(int i) => VariableNames is { } names && i < names.Count ? names[i] : $"x[{i}]";

    private LinearConstraint Row(double[] coefficients, double bound, string name)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        Guard.Length(coefficients, Dimension, name);
        Guard.Finite(bound, name);
        return new LinearConstraint(coefficients, bound, name);
    }
}
