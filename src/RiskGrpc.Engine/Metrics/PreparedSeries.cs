using System.Buffers;

namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// A request's rows after the NaN policy: the returns-only rows (with their timestamps and, under SKIP, the original
/// row of each) and the benchmark-relative pairs. Spans point into the request when no row changed, otherwise into
/// buffers rented from <see cref="ArrayPool{T}.Shared"/> that <see cref="Dispose"/> returns.
/// </summary>
internal ref struct PreparedSeries
{
    private double[]? _returnsBuffer;
    private int[]? _rowMapBuffer;
    private DateTime[]? _timestampsBuffer;
    private double[]? _pairReturnsBuffer;
    private double[]? _pairBenchmarkBuffer;

    /// <summary>Returns used by the returns-only metrics.</summary>
    public ReadOnlySpan<double> Returns { get; private set; }

    /// <summary>Original request row of each entry of <see cref="Returns"/>; empty when the mapping is the identity.</summary>
    public ReadOnlySpan<int> RowMap { get; private set; }

    /// <summary>Timestamps aligned with <see cref="Returns"/>; empty when the request had none.</summary>
    public ReadOnlySpan<DateTime> Timestamps { get; private set; }

    /// <summary>Returns of the rows where both sides are present; empty without a benchmark.</summary>
    public ReadOnlySpan<double> PairReturns { get; private set; }

    /// <summary>Benchmark of the rows where both sides are present; empty without a benchmark.</summary>
    public ReadOnlySpan<double> PairBenchmark { get; private set; }

    /// <summary>Maps a row of <see cref="Returns"/> back to the request's row (−1 stays −1).</summary>
    public readonly int OriginalRow(int row) => row < 0 || RowMap.IsEmpty ? row : RowMap[row];

    /// <summary>Applies the request's NaN policy; <paramref name="shape"/> comes from validation.</summary>
    public static PreparedSeries Create(MetricsRequest request, ValidatedShape shape)
    {
        var r = request.Returns.Span;
        var b = request.Benchmark.Span;
        var prepared = new PreparedSeries
        {
            Returns = r,
            Timestamps = request.Timestamps.Span,
            PairReturns = request.HasBenchmark ? r : default,
            PairBenchmark = b,
        };

        if (shape.ReturnsNaNCount == 0 && shape.BenchmarkNaNCount == 0)
        {
            return prepared;
        }

        try
        {
            if (request.NanPolicy == MetricsNanPolicy.Zero)
            {
                prepared.ApplyZero(r, b, shape);
            }
            else
            {
                prepared.ApplySkip(r, b, request.Timestamps.Span, shape);
            }
        }
        catch
        {
            prepared.Dispose();
            throw;
        }

        return prepared;
    }

    /// <summary>Returns every rented buffer to the pool.</summary>
    public void Dispose()
    {
        Return(ref _returnsBuffer);
        Return(ref _pairReturnsBuffer);
        Return(ref _pairBenchmarkBuffer);
        if (_rowMapBuffer is not null)
        {
            ArrayPool<int>.Shared.Return(_rowMapBuffer);
            _rowMapBuffer = null;
        }

        if (_timestampsBuffer is not null)
        {
            ArrayPool<DateTime>.Shared.Return(_timestampsBuffer);
            _timestampsBuffer = null;
        }

        this = default;
    }

    private void ApplyZero(ReadOnlySpan<double> r, ReadOnlySpan<double> b, ValidatedShape shape)
    {
        if (shape.ReturnsNaNCount > 0)
        {
            _returnsBuffer = ArrayPool<double>.Shared.Rent(r.Length);
            Returns = ZeroNaN(r, _returnsBuffer.AsSpan(0, r.Length));
            if (!b.IsEmpty)
            {
                PairReturns = Returns;
            }
        }

        if (shape.BenchmarkNaNCount > 0)
        {
            _pairBenchmarkBuffer = ArrayPool<double>.Shared.Rent(b.Length);
            PairBenchmark = ZeroNaN(b, _pairBenchmarkBuffer.AsSpan(0, b.Length));
        }
    }

    private void ApplySkip(ReadOnlySpan<double> r, ReadOnlySpan<double> b, ReadOnlySpan<DateTime> ts, ValidatedShape shape)
    {
        if (shape.ReturnsNaNCount > 0)
        {
            var kept = r.Length - shape.ReturnsNaNCount;
            _returnsBuffer = ArrayPool<double>.Shared.Rent(kept);
            _rowMapBuffer = ArrayPool<int>.Shared.Rent(kept);
            var values = _returnsBuffer.AsSpan(0, kept);
            var rows = _rowMapBuffer.AsSpan(0, kept);
            var k = 0;
            for (var i = 0; i < r.Length; i++)
            {
                if (!double.IsNaN(r[i]))
                {
                    values[k] = r[i];
                    rows[k++] = i;
                }
            }

            Returns = values;
            RowMap = rows;
            if (!ts.IsEmpty)
            {
                _timestampsBuffer = ArrayPool<DateTime>.Shared.Rent(kept);
                var times = _timestampsBuffer.AsSpan(0, kept);
                for (var j = 0; j < kept; j++)
                {
                    times[j] = ts[rows[j]];
                }

                Timestamps = times;
            }
        }

        if (!b.IsEmpty)
        {
            _pairReturnsBuffer = ArrayPool<double>.Shared.Rent(r.Length);
            _pairBenchmarkBuffer = ArrayPool<double>.Shared.Rent(r.Length);
            var k = 0;
            for (var i = 0; i < r.Length; i++)
            {
                if (!double.IsNaN(r[i]) && !double.IsNaN(b[i]))
                {
                    _pairReturnsBuffer[k] = r[i];
                    _pairBenchmarkBuffer[k++] = b[i];
                }
            }

            PairReturns = _pairReturnsBuffer.AsSpan(0, k);
            PairBenchmark = _pairBenchmarkBuffer.AsSpan(0, k);
        }
    }

    private static ReadOnlySpan<double> ZeroNaN(ReadOnlySpan<double> source, Span<double> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var x = source[i];
            destination[i] = double.IsNaN(x) ? 0 : x;
        }

        return destination;
    }

    private static void Return(ref double[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<double>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
