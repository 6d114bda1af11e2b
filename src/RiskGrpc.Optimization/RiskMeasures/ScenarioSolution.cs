namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>Solution of a <see cref="ScenarioModel"/>; <see cref="X"/> is empty unless <see cref="Status"/> is Optimal.</summary>
/// <param name="Status">Outcome.</param>
/// <param name="X">Variable values.</param>
/// <param name="Objective">Objective value.</param>
/// <param name="Iterations">Simplex or interior-point iterations.</param>
/// <param name="Engine">Solver name, with its raw status when it failed.</param>
internal sealed record ScenarioSolution(ScenarioSolveStatus Status, double[] X, double Objective, int Iterations, string Engine);
