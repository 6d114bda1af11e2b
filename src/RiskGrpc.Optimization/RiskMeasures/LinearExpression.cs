namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>A linear expression Σ Coefficients[k]·x[Index[k]] over the variables of a <see cref="ScenarioModel"/>.</summary>
internal sealed class LinearExpression
{
    /// <summary>Variable indices.</summary>
    public List<int> Index { get; } = [];

    /// <summary>Coefficients, one per index.</summary>
    public List<double> Coefficients { get; } = [];

    /// <summary>Adds c·x[i].</summary>
    public LinearExpression Add(int i, double c)
    {
        Index.Add(i);
        Coefficients.Add(c);
        return this;
    }

    /// <summary>Σ cₖ·x[iₖ] at <paramref name="x"/>.</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var k = 0; k < Index.Count; k++)
        {
            sum += Coefficients[k] * x[Index[k]];
        }

        return sum;
    }
}
