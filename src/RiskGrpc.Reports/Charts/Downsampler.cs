namespace RiskGrpc.Reports.Charts;

/// <summary>
/// Min/max decimation for line charts: x is split into <c>columns</c> equal buckets and each bucket keeps its first
/// minimum and first maximum in x order, so a series of any length draws at most two points per pixel column while
/// every spike survives. NaN points are dropped (a line through them would invent data).
/// </summary>
internal static class Downsampler
{
    /// <summary>Indices of the points to draw, increasing. Returns all finite indices when there are few enough.</summary>
    public static int[] MinMax(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int columns)
    {
        var finite = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsFinite(y[i]))
            {
                finite++;
            }
        }

        if (finite <= 2 * columns || x.Length < 2)
        {
            var all = new int[finite];
            var k = 0;
            for (var i = 0; i < y.Length; i++)
            {
                if (double.IsFinite(y[i]))
                {
                    all[k++] = i;
                }
            }

            return all;
        }

        var x0 = x[0];
        var span = x[^1] - x0;
        var result = new List<int>(2 * columns);
        var bucket = -1;
        int minIndex = -1, maxIndex = -1;
        for (var i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]))
            {
                continue;
            }

            var b = span <= 0 ? 0 : Math.Min(columns - 1, (int)((x[i] - x0) / span * columns));
            if (b != bucket)
            {
                Flush(result, minIndex, maxIndex);
                bucket = b;
                minIndex = maxIndex = i;
                continue;
            }

            if (y[i] < y[minIndex])
            {
                minIndex = i;
            }

            if (y[i] > y[maxIndex])
            {
                maxIndex = i;
            }
        }

        Flush(result, minIndex, maxIndex);
        return [.. result];
    }

    private static void Flush(List<int> result, int minIndex, int maxIndex)
    {
        if (minIndex < 0)
        {
            return;
        }

        if (minIndex == maxIndex)
        {
            result.Add(minIndex);
        }
        else
        {
            result.Add(Math.Min(minIndex, maxIndex));
            result.Add(Math.Max(minIndex, maxIndex));
        }
    }
}
