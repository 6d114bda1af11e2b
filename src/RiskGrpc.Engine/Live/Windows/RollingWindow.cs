using RiskGrpc.Kernel;

namespace RiskGrpc.Engine.Live.Windows;

/// <summary>
/// The last w return observations of one portfolio (and the benchmark returns that came with them), updated in
/// O(1) amortized per observation for moments and drawdown and one memmove for order statistics. Allocates
/// only when created, when the first benchmark arrives and on <see cref="Resize"/>.
/// </summary>
/// <remarks>
/// Moments are shifted power sums (<see cref="ShiftedMoments"/>) re-anchored every w observations, and at once
/// when the spread becomes small against the terms accumulated since the last anchor (cancellation); the
/// downside sum Σ min(e, 0)² is recomputed at the same time and set to exactly 0 whenever no excess return in
/// the window is negative, so "no downside" is exact rather than a rounding residue.
/// </remarks>
internal sealed class RollingWindow
{
    private readonly double[] _returns;
    private double[]? _benchmark;
    private readonly SortedWindow _sorted;
    private readonly DrawdownQueue _drawdown;
    private ShiftedMoments _moments;
    private PairMoments _pairs;
    private double _riskFreePerPeriod;
    private double _downsideSum;
    private double _downsideMagnitude;
    private int _downsideCount;
    private int _head;
    private int _count;
    private int _sinceRebase;

    /// <summary>Creates an empty window of <paramref name="capacity"/> observations with excess returns against rf_p.</summary>
    public RollingWindow(int capacity, double riskFreePerPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _returns = new double[capacity];
        _sorted = new SortedWindow(capacity);
        _drawdown = new DrawdownQueue(capacity);
        _riskFreePerPeriod = riskFreePerPeriod;
        _moments.Reset(0);
        _pairs.Reset(0, 0);
    }

    /// <summary>Observations held (≤ w).</summary>
    public int Count => _count;

    /// <summary>True once any observation came with a benchmark return.</summary>
    public bool HasBenchmark => _benchmark is not null;

    /// <summary>Appends r (finite, ≥ −1) with an optional finite benchmark return, evicting the oldest when full.</summary>
    public void Add(double value, double? benchmark)
    {
        if (benchmark.HasValue && _benchmark is null)
        {
            _benchmark = new double[_returns.Length];
            _benchmark.AsSpan().Fill(double.NaN);
        }

        if (_count == _returns.Length)
        {
            RemoveOldest();
        }

        var slot = (_head + _count) % _returns.Length;
        _returns[slot] = value;
        if (_benchmark is not null)
        {
            var b = benchmark ?? double.NaN;
            _benchmark[slot] = b;
            if (!double.IsNaN(b))
            {
                _pairs.Add(value, b);
            }
        }

        _count++;
        _moments.Add(value);
        _sorted.Insert(value);
        _drawdown.Push(value);
        var excess = value - _riskFreePerPeriod;
        if (excess < 0)
        {
            _downsideSum += excess * excess;
            _downsideMagnitude += excess * excess;
            _downsideCount++;
        }

        if (++_sinceRebase >= _returns.Length)
        {
            Rebase();
        }
    }

    /// <summary>Changes rf_p (a configuration change) and recomputes what depends on it.</summary>
    public void SetRiskFreePerPeriod(double riskFreePerPeriod)
    {
        _riskFreePerPeriod = riskFreePerPeriod;
        Rebase();
    }

    /// <summary>A new window of <paramref name="capacity"/> holding the most recent observations of this one.</summary>
    public RollingWindow Resize(int capacity)
    {
        var resized = new RollingWindow(capacity, _riskFreePerPeriod);
        var keep = Math.Min(_count, capacity);
        for (var i = _count - keep; i < _count; i++)
        {
            var slot = (_head + i) % _returns.Length;
            double? b = _benchmark is null ? null : _benchmark[slot];
            if (_benchmark is not null && resized._benchmark is null)
            {
                resized._benchmark = new double[capacity];
                resized._benchmark.AsSpan().Fill(double.NaN);
            }

            resized.Add(_returns[slot], b is { } v && !double.IsNaN(v) ? v : null);
        }

        return resized;
    }

    /// <summary>Writes the window's metrics into <paramref name="snapshot"/>: every group, and tail risk when the selection asks for it.</summary>
    public void Evaluate(LiveRiskSettings settings, LiveRiskSnapshot snapshot)
    {
        var n = _count;
        if (_moments.NeedsRebase() || _pairs.NeedsRebase() || (_downsideCount > 0 && _downsideSum < 1e-4 * _downsideMagnitude))
        {
            // Large terms left the window and the small ones that remain would drown in their rounding.
            Rebase();
        }

        _moments.Evaluate(out var mean, out var m2, out var m3, out var m4);
        var sorted = _sorted.Values;
        if (n > 0 && sorted[0] == sorted[n - 1])
        {
            // A constant window has exactly zero spread; the shifted sums would leave a rounding residue.
            mean = sorted[0];
            m2 = m3 = m4 = 0;
        }

        var sd = n >= 2 ? Math.Sqrt(m2 * n / (n - 1)) : double.NaN;
        var excessMean = mean - _riskFreePerPeriod;
        snapshot.WindowObservations = n;
        snapshot.Volatility = sd * settings.SqrtPeriods;
        snapshot.Sharpe = n >= 2 ? MetricKernel.Ratio(excessMean, sd) * settings.SqrtPeriods : double.NaN;
        // Sortino's downside is a mean over all n rows, not a sample spread: defined from n = 1, as in the batch kernel.
        snapshot.Sortino = n >= 1
            ? MetricKernel.Ratio(excessMean * settings.SqrtPeriods, _downsideCount == 0 ? 0 : Math.Sqrt(_downsideSum / n))
            : double.NaN;
        _drawdown.Evaluate(out var maxDrawdown, out var currentDrawdown);
        snapshot.MaxDrawdown = maxDrawdown;
        snapshot.CurrentDrawdown = currentDrawdown;
        snapshot.HasBenchmark = _benchmark is not null;
        snapshot.Beta = _pairs.Beta();

        // Cornish-Fisher inputs: biased skewness S and excess kurtosis K (NaN for zero spread: 0/0).
        var skew = m3 / Math.Pow(m2, 1.5);
        var kurtosis = (m4 / (m2 * m2)) - 3;
        // Order statistics per level cost O(k) each: only when the portfolio's updates carry them.
        if ((settings.Selection & LiveMetricSelection.TailRisk) == 0)
        {
            snapshot.TailRiskCount = 0;
            return;
        }

        var levels = settings.ConfidenceLevels;
        var tail = snapshot.TailRiskBuffer;
        for (var i = 0; i < levels.Length; i++)
        {
            var c = levels[i];
            var p = 1 - c;
            var z = settings.Z[i];
            var varCf = mean + (sd * MetricKernel.CornishFisher(z, skew, kurtosis));
            tail[i] = new LiveTailRisk
            {
                Confidence = c,
                VarHistorical = _sorted.Quantile(p),
                CvarHistorical = n == 0 ? double.NaN : _sorted.MeanOfSmallest((int)Math.Floor((n - 1) * p) + 1),
                VarGaussian = mean + (sd * z),
                CvarGaussian = mean - (sd * settings.Density[i] / p),
                VarCornishFisher = varCf,
                CvarCornishFisher = _sorted.MeanAtOrBelow(varCf),
            };
        }

        snapshot.TailRiskCount = levels.Length;
    }

    private void RemoveOldest()
    {
        var slot = _head;
        var value = _returns[slot];
        _moments.Remove(value);
        _sorted.Remove(value);
        _drawdown.Pop();
        if (_benchmark is not null && !double.IsNaN(_benchmark[slot]))
        {
            _pairs.Remove(value, _benchmark[slot]);
            _benchmark[slot] = double.NaN;
        }

        var excess = value - _riskFreePerPeriod;
        if (excess < 0)
        {
            _downsideCount--;
            _downsideSum = _downsideCount == 0 ? 0 : _downsideSum - (excess * excess);
            _downsideMagnitude += excess * excess;
        }

        _head = (_head + 1) % _returns.Length;
        _count--;
    }

    private void Rebase()
    {
        _sinceRebase = 0;
        double sum = 0, sumB = 0, sumRb = 0;
        var pairs = 0;
        for (var i = 0; i < _count; i++)
        {
            var slot = (_head + i) % _returns.Length;
            sum += _returns[slot];
            if (_benchmark is not null && !double.IsNaN(_benchmark[slot]))
            {
                sumB += _benchmark[slot];
                sumRb += _returns[slot];
                pairs++;
            }
        }

        _moments.Reset(_count == 0 ? 0 : sum / _count);
        _pairs.Reset(pairs == 0 ? 0 : sumRb / pairs, pairs == 0 ? 0 : sumB / pairs);
        _downsideSum = 0;
        _downsideMagnitude = 0;
        _downsideCount = 0;
        for (var i = 0; i < _count; i++)
        {
            var slot = (_head + i) % _returns.Length;
            var value = _returns[slot];
            _moments.Add(value);
            if (_benchmark is not null && !double.IsNaN(_benchmark[slot]))
            {
                _pairs.Add(value, _benchmark[slot]);
            }

            var excess = value - _riskFreePerPeriod;
            if (excess < 0)
            {
                _downsideSum += excess * excess;
                _downsideCount++;
            }
        }

        _downsideMagnitude = _downsideSum;
    }
}
