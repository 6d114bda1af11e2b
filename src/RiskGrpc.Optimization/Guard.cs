namespace RiskGrpc.Optimization;

/// <summary>Throw helpers shared by the estimators and optimizers; all throw <see cref="OptimizationException"/>.</summary>
internal static class Guard
{
    public static void Square(double[,] matrix, int n, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
        {
            throw Invalid($"{name} must be {n}x{n}, got {matrix.GetLength(0)}x{matrix.GetLength(1)}", name);
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!double.IsFinite(matrix[i, j]))
                {
                    throw Invalid($"{name}[{i},{j}] is not finite", name);
                }
            }
        }
    }

    public static void Symmetric(double[,] matrix, string name)
    {
        var n = matrix.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var scale = Math.Max(1e-300, Math.Max(Math.Abs(matrix[i, j]), Math.Abs(matrix[j, i])));
                if (Math.Abs(matrix[i, j] - matrix[j, i]) > 1e-10 * Math.Max(scale, 1e-8))
                {
                    throw Invalid($"{name} is not symmetric at [{i},{j}]", name);
                }
            }
        }
    }

    public static void Length(ReadOnlySpan<double> values, int n, string name)
    {
        if (values.Length != n)
        {
            throw Invalid($"{name} has {values.Length} entries, expected {n}", name);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw Invalid($"{name}[{i}] is not finite", name);
            }
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw Invalid($"{name} must be finite, got {value}", name);
        }
    }

    public static OptimizationException Invalid(string message, string? parameter = null) =>
        new(OptimizationErrorKind.InvalidInput, message, parameter);
}
