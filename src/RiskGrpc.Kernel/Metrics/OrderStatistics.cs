using System.Numerics.Tensors;

namespace RiskGrpc.Kernel;

/// <summary>
/// Order statistics of one series without a full sort. The series' tails are first copied out by threshold (values
/// ≤ <c>lowThreshold</c> into the low buffer, ≥ <c>highThreshold</c> into the high buffer), and the caller proves the
/// buffers hold every rank it will ask for; ranks are then found by introselect inside a buffer. Every selected rank
/// is remembered so later selections search only the segment between the nearest selected ranks (the partition
/// property a[..k] ≤ a[k] ≤ a[k..] survives selections inside other segments). Selection is branch-free
/// (<see cref="PartitionSelect"/>) when the caller lends scratch for it.
/// </summary>
internal ref struct OrderStatistics
{
    private readonly Span<double> low;
    private readonly Span<double> high;
    private readonly int length;
    private readonly Span<int> lowRanks;
    private readonly Span<int> highRanks;
    private readonly Span<double> selectScratch;
    private readonly bool sorted;
    private int lowRankCount;
    private int highRankCount;

    /// <summary>
    /// Wraps the low buffer (the smallest values, global rank = index) and the high buffer (the largest).
    /// <paramref name="selectScratch"/> lets selections use <see cref="PartitionSelect"/> on any segment it is large
    /// enough for (others use <see cref="Introselect"/>).
    /// </summary>
    public OrderStatistics(Span<double> low, Span<double> high, int length, Span<int> lowRanks, Span<int> highRanks, Span<double> selectScratch)
    {
        this.low = low;
        this.high = high;
        this.length = length;
        this.lowRanks = lowRanks;
        this.highRanks = highRanks;
        this.selectScratch = selectScratch;
    }

    /// <summary>Wraps a fully sorted copy of the series (short series are sorted outright).</summary>
    public OrderStatistics(Span<double> sortedSeries)
    {
        low = sortedSeries;
        high = sortedSeries;
        length = sortedSeries.Length;
        sorted = true;
    }

    /// <summary>The low buffer (after selections, its prefix [0, k] holds the k + 1 smallest values of the series).</summary>
    public readonly Span<double> Low => low;

    /// <summary>The largest rank the low buffer can answer.</summary>
    public readonly int LowLimit => low.Length - 1;

    /// <summary>The smallest rank the high buffer can answer.</summary>
    public readonly int HighLimit => length - high.Length;

    /// <summary>Q(p), numpy's linear rule: h = (n − 1)p, lerp between ranks ⌊h⌋ and ⌊h⌋ + 1.</summary>
    public double Quantile(double p)
    {
        var h = (length - 1) * p;
        var lo = (int)Math.Floor(h);
        var g = h - lo;
        var a = Rank(lo);
        if (g == 0)
        {
            return a;
        }

        var b = Rank(Math.Min(lo + 1, length - 1));
        return Lerp(a, b, g);
    }

    /// <summary>The value of global rank k (0 = smallest).</summary>
    public double Rank(int k)
    {
        if (sorted)
        {
            return low[k];
        }

        if (k <= LowLimit)
        {
            SelectIn(low, k, lowRanks, ref lowRankCount, selectScratch);
            return low[k];
        }

        if (k >= HighLimit)
        {
            SelectIn(high, k - HighLimit, highRanks, ref highRankCount, selectScratch);
            return high[k - HighLimit];
        }

        throw new InvalidOperationException($"rank {k} lies outside both tail buffers");
    }

    /// <summary>numpy's _lerp: a + (b − a)g below g = 0.5, b − (b − a)(1 − g) from 0.5 on (monotone, exact at ends).</summary>
    private static double Lerp(double a, double b, double g)
    {
        var diff = b - a;
        return g >= 0.5 ? b - (diff * (1 - g)) : a + (diff * g);
    }

    private static void SelectIn(Span<double> a, int k, Span<int> ranks, ref int count, Span<double> scratch)
    {
        int lo = 0, hi = a.Length;
        for (var i = 0; i < count; i++)
        {
            var s = ranks[i];
            if (s == k)
            {
                return;
            }

            if (s < k)
            {
                lo = Math.Max(lo, s + 1);
            }
            else
            {
                hi = Math.Min(hi, s);
            }
        }

        var segment = a[lo..hi];
        var local = k - lo;
        if (local == 0)
        {
            Swap(segment, 0, TensorPrimitives.IndexOfMin<double>(segment));
        }
        else if (local == segment.Length - 1)
        {
            Swap(segment, local, TensorPrimitives.IndexOfMax<double>(segment));
        }
        else if (scratch.Length >= PartitionSelect.ScratchLength(segment.Length))
        {
            PartitionSelect.Select(segment, local, scratch);
        }
        else
        {
            Introselect(segment, local);
        }

        if (count < ranks.Length)
        {
            ranks[count++] = k;
        }
    }

    /// <summary>
    /// Moves the k-th smallest value to a[k] with a[..k] ≤ a[k] ≤ a[k..]: quickselect with a median-of-three pivot and
    /// Hoare partitioning, insertion sort below 16 values, and a full sort of the segment if the depth budget runs out
    /// (so the worst case stays O(n log n)).
    /// </summary>
    public static void Introselect(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        var budget = 2 * (32 - int.LeadingZeroCount(a.Length));
        while (hi - lo > 16)
        {
            if (budget-- == 0)
            {
                a[lo..(hi + 1)].Sort();
                return;
            }

            var mid = lo + ((hi - lo) >> 1);
            if (a[mid] < a[lo])
            {
                Swap(a, mid, lo);
            }

            if (a[hi] < a[lo])
            {
                Swap(a, hi, lo);
            }

            if (a[hi] < a[mid])
            {
                Swap(a, hi, mid);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(a, i, j);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }

        PartitionSelect.InsertionSort(a[lo..(hi + 1)]);
    }

    /// <summary>Σ of the k + 1 smallest values (ranks 0..k), given Σ of the whole series; selects rank k first.</summary>
    public double SmallestSum(int k, double total)
    {
        Rank(k);
        if (sorted || k <= LowLimit)
        {
            return TensorPrimitives.Sum<double>(low[..(k + 1)]);
        }

        // Rank k sits in the high buffer: everything above it there is the n − k − 1 largest values.
        return total - TensorPrimitives.Sum<double>(high[(k - HighLimit + 1)..]);
    }

    private static void Swap(Span<double> a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
