namespace RiskGrpc.Optimization.Scenario;

/// <summary>Products with the inequality matrix G of the CVaR LP, never formed explicitly.</summary>
internal sealed partial class CvarInteriorPoint
{
    /// <summary>G x (rows as documented on the class).</summary>
    private double[] G(double[] x)
    {
        var g = new double[_m];
        for (var t = 0; t < _t; t++)
        {
            double sum = x[_n] + x[_n + 1 + t];
            for (var j = 0; j < _n; j++)
            {
                sum += _r[t, j] * x[j];
            }

            g[t] = sum;
            g[_t + t] = x[_n + 1 + t];
        }

        var k = 2 * _t;
        foreach (var j in _lowerIdx)
        {
            g[k++] = x[j];
        }

        foreach (var j in _upperIdx)
        {
            g[k++] = -x[j];
        }

        if (_mu is not null)
        {
            g[k] = _mu.Zip(x, (a, b) => a * b).Sum();
        }

        return g;
    }

    /// <summary>Gᵀ v.</summary>
    private double[] GT(double[] v)
    {
        var g = new double[Nx];
        for (var t = 0; t < _t; t++)
        {
            var vt = v[t];
            for (var j = 0; j < _n; j++)
            {
                g[j] += _r[t, j] * vt;
            }

            g[_n] += vt;
            g[_n + 1 + t] = vt + v[_t + t];
        }

        var k = 2 * _t;
        foreach (var j in _lowerIdx)
        {
            g[j] += v[k++];
        }

        foreach (var j in _upperIdx)
        {
            g[j] -= v[k++];
        }

        if (_mu is not null)
        {
            for (var j = 0; j < _n; j++)
            {
                g[j] += _mu[j] * v[k];
            }
        }

        return g;
    }
}
