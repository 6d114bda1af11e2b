namespace RiskGrpc.Engine.Live.Windows;

/// <summary>
/// The window's values kept sorted: insert and remove by binary search plus one memmove (O(log w + w) with a
/// tiny constant), so order statistics are O(1) and tail means O(k). Never allocates after construction.
/// </summary>
internal sealed class SortedWindow
{
    private readonly double[] _values;
    private int _count;

    /// <summary>Creates an empty window for at most <paramref name="capacity"/> finite values.</summary>
    public SortedWindow(int capacity) => _values = new double[capacity];

    /// <summary>The values in ascending order.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    /// <summary>Inserts a finite value.</summary>
    /// <exception cref="InvalidOperationException">The window is full.</exception>
    public void Insert(double value)
    {
        if (_count == _values.Length)
        {
            throw new InvalidOperationException("SortedWindow is full.");
        }

        var index = LowerBound(value);
        Array.Copy(_values, index, _values, index + 1, _count - index);
        _values[index] = value;
        _count++;
    }

    /// <summary>Removes one occurrence of a value that was inserted earlier.</summary>
    /// <exception cref="InvalidOperationException">The value is not in the window (a caller bug).</exception>
    public void Remove(double value)
    {
        var index = LowerBound(value);
        if (index >= _count || _values[index] != value)
        {
            throw new InvalidOperationException($"SortedWindow does not hold {value:R}.");
        }

        Array.Copy(_values, index + 1, _values, index, _count - index - 1);
        _count--;
    }

    /// <summary>
    /// Q(p): linear interpolation between order statistics at h = (n − 1)·p (numpy's default); NaN when empty.
    /// </summary>
    public double Quantile(double p)
    {
        if (_count == 0)
        {
            return double.NaN;
        }

        var h = (_count - 1) * p;
        var lower = (int)Math.Floor(h);
        if (lower >= _count - 1)
        {
            return _values[_count - 1];
        }

        var fraction = h - lower;
        var a = _values[lower];
        var b = _values[lower + 1];
        return a + ((b - a) * fraction);
    }

    /// <summary>Mean of the <paramref name="k"/> smallest values (1 ≤ k ≤ n); NaN when empty.</summary>
    public double MeanOfSmallest(int k)
    {
        if (_count == 0)
        {
            return double.NaN;
        }

        k = Math.Clamp(k, 1, _count);
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += _values[i];
        }

        return sum / k;
    }

    /// <summary>Mean of the values ≤ <paramref name="threshold"/>; <paramref name="threshold"/> itself when none is.</summary>
    public double MeanAtOrBelow(double threshold)
    {
        if (double.IsNaN(threshold))
        {
            return double.NaN;
        }

        var k = UpperBound(threshold);
        return k == 0 ? threshold : MeanOfSmallest(k);
    }

    private int LowerBound(double value)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int UpperBound(double value)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
