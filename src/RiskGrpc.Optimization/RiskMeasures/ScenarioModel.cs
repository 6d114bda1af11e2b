namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// A sparse LP/QP in the scenario-slack form: minimise Σcᵢxᵢ + Σqᵢxᵢ² subject to named rows lo ≤ aᵀx ≤ hi and variable
/// bounds. The one model every scenario objective is built into; <see cref="GlopLinearProgram"/> solves it when q = 0,
/// <see cref="ScenarioQuadraticProgram"/> otherwise.
/// </summary>
internal sealed class ScenarioModel
{
    private readonly List<ScenarioModelRow> _rows = [];

    /// <summary>Variable lower bounds.</summary>
    public List<double> Lower { get; } = [];

    /// <summary>Variable upper bounds.</summary>
    public List<double> Upper { get; } = [];

    /// <summary>Linear objective coefficients cᵢ.</summary>
    public List<double> Cost { get; } = [];

    /// <summary>Diagonal quadratic objective coefficients qᵢ ≥ 0.</summary>
    public List<double> Quadratic { get; } = [];

    /// <summary>Rows in insertion order.</summary>
    public IReadOnlyList<ScenarioModelRow> Rows => _rows;

    /// <summary>Number of variables.</summary>
    public int VariableCount => Lower.Count;

    /// <summary>True when some qᵢ &gt; 0.</summary>
    public bool IsQuadratic => Quadratic.Any(q => q > 0);

    /// <summary>Adds a variable and returns its index.</summary>
    public int AddVariable(double lower, double upper)
    {
        Lower.Add(lower);
        Upper.Add(upper);
        Cost.Add(0);
        Quadratic.Add(0);
        return Lower.Count - 1;
    }

    /// <summary>Adds <paramref name="count"/> variables with the same bounds; returns the first index.</summary>
    public int AddVariables(int count, double lower, double upper)
    {
        var first = Lower.Count;
        for (var i = 0; i < count; i++)
        {
            AddVariable(lower, upper);
        }

        return first;
    }

    /// <summary>Adds the row lo ≤ Σ coefficients·x[index] ≤ hi.</summary>
    public void AddRow(int[] index, double[] coefficients, double lower, double upper, string name) =>
        _rows.Add(new ScenarioModelRow(index, coefficients, lower, upper, name));

    /// <summary>Adds c·term to the objective for every term of <paramref name="expression"/>.</summary>
    public void AddCost(LinearExpression expression, double scale)
    {
        for (var k = 0; k < expression.Index.Count; k++)
        {
            Cost[expression.Index[k]] += scale * expression.Coefficients[k];
        }
    }
}
