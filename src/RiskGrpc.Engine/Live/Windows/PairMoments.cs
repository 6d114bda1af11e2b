using RiskGrpc.Kernel;

namespace RiskGrpc.Engine.Live.Windows;

/// <summary>
/// Running shifted sums of (r, b) pairs for the population covariance and benchmark variance behind beta; the
/// same shift-and-re-anchor scheme as <see cref="ShiftedMoments"/>.
/// </summary>
internal struct PairMoments
{
    private double _shiftR;
    private double _shiftB;
    private double _sr;
    private double _sb;
    private double _sbb;
    private double _srb;
    private double _magnitudeBb;
    private double _magnitudeRb;
    private int _count;

    /// <summary>Clears the sums and sets new shifts.</summary>
    public void Reset(double shiftR, double shiftB)
    {
        _shiftR = shiftR;
        _shiftB = shiftB;
        _sr = _sb = _sbb = _srb = _magnitudeBb = _magnitudeRb = 0;
        _count = 0;
    }

    /// <summary>Adds a pair.</summary>
    public void Add(double r, double b)
    {
        var dr = r - _shiftR;
        var db = b - _shiftB;
        _sr += dr;
        _sb += db;
        _sbb += db * db;
        _srb += dr * db;
        _magnitudeBb += db * db;
        _magnitudeRb += Math.Abs(dr * db);
        _count++;
    }

    /// <summary>Removes a pair added before.</summary>
    public void Remove(double r, double b)
    {
        var dr = r - _shiftR;
        var db = b - _shiftB;
        _sr -= dr;
        _sb -= db;
        _sbb -= db * db;
        _srb -= dr * db;
        _magnitudeBb += db * db;
        _magnitudeRb += Math.Abs(dr * db);
        _count--;
    }

    /// <summary>
    /// True when var(b) or |cov(r, b)| has become small against the magnitude of the terms accumulated since the
    /// last reset, so cancellation could matter: the owner must re-anchor.
    /// </summary>
    public readonly bool NeedsRebase()
    {
        if (_count < 2)
        {
            return false;
        }

        double n = _count;
        var mr = _sr / n;
        var mb = _sb / n;
        var covariance = (_srb / n) - (mr * mb);
        var variance = (_sbb / n) - (mb * mb);
        return variance < 1e-4 * (_magnitudeBb / n) || Math.Abs(covariance) < 1e-4 * (_magnitudeRb / n);
    }

    /// <summary>
    /// cov(r, b) / var(b) with population moments; NaN below 2 pairs; a zero variance gives ±Infinity for a
    /// non-zero covariance and NaN otherwise.
    /// </summary>
    public readonly double Beta()
    {
        if (_count < 2)
        {
            return double.NaN;
        }

        double n = _count;
        var mr = _sr / n;
        var mb = _sb / n;
        var covariance = (_srb / n) - (mr * mb);
        var variance = Math.Max(0, (_sbb / n) - (mb * mb));
        return MetricKernel.Ratio(covariance, variance);
    }
}
