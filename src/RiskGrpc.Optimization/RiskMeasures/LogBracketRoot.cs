namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// A bracketed root of a monotone f on ln x by the Illinois variant of regula falsi: superlinear on smooth f, never leaves
/// the bracket, and halves the stale end's value so it cannot stall. Call <see cref="Next"/>, evaluate, then <see cref="Update"/>.
/// </summary>
internal sealed class LogBracketRoot
{
    private double _a;
    private double _fa;
    private double _b;
    private double _fb;
    private int _side;

    /// <summary>Starts from the bracket [lo, hi] with f(lo) and f(hi) of opposite signs (or zero).</summary>
    public LogBracketRoot(double lo, double fLo, double hi, double fHi)
    {
        (_a, _fa, _b, _fb) = (Math.Log(lo), fLo, Math.Log(hi), fHi);
    }

    /// <summary>True when the bracket is narrower than 1e-12 in ln x.</summary>
    public bool Converged => Math.Abs(_b - _a) <= 1e-12;

    /// <summary>The next point to evaluate.</summary>
    public double Next()
    {
        var t = _fa == _fb ? 0.5 : _fa / (_fa - _fb);
        return Math.Exp(_a + (Math.Clamp(t, 0.01, 0.99) * (_b - _a)));
    }

    /// <summary>Records f(x) and shrinks the bracket.</summary>
    public void Update(double x, double fx)
    {
        var lx = Math.Log(x);
        if (Math.Sign(fx) == Math.Sign(_fa))
        {
            (_a, _fa) = (lx, fx);
            if (_side == -1)
            {
                _fb /= 2;
            }

            _side = -1;
        }
        else
        {
            (_b, _fb) = (lx, fx);
            if (_side == 1)
            {
                _fa /= 2;
            }

            _side = 1;
        }
    }
}
