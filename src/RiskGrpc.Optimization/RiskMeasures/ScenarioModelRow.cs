namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>One named row <c>Lower ≤ Σ Coefficients[k]·x[Index[k]] ≤ Upper</c> of a <see cref="ScenarioModel"/>.</summary>
/// <param name="Index">Variable indices.</param>
/// <param name="Coefficients">Coefficients, one per index.</param>
/// <param name="Lower">Lower limit (−∞ for none).</param>
/// <param name="Upper">Upper limit (+∞ for none).</param>
/// <param name="Name">Label reported when the row is binding or infeasible.</param>
internal sealed record ScenarioModelRow(int[] Index, double[] Coefficients, double Lower, double Upper, string Name);
