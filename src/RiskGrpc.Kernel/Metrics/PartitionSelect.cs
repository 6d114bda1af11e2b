namespace RiskGrpc.Kernel;

/// <summary>
/// Selection (the k-th smallest value) by quickselect with a three-way, branch-free partition: each round copies
/// the segment's values below the pivot and above it into two scratch buffers with <see cref="TailCompaction"/>
/// (a permutation per four values, no data-dependent branch), then writes back [below | equal to pivot | above].
/// </summary>
/// <remarks>
/// A Hoare partition mispredicts about half of its comparisons on data the branch predictor has not seen, which on
/// a batch of different series cost more than the rest of the selection. Here the only data-dependent branches are
/// one per round (which side holds k) and those of the median-of-three pivot and of the final insertion sort.
/// Values equal to the pivot end the search when k falls among them, so heavy ties (many zero returns) cost one
/// round. Inputs must be finite.
/// </remarks>
internal static class PartitionSelect
{
    /// <summary>Segments this short are finished by insertion sort.</summary>
    private const int SmallSegment = 16;

    /// <summary>Scratch doubles <see cref="Select"/> needs for a segment of <paramref name="length"/> values.</summary>
    public static int ScratchLength(int length) => 2 * (length + TailCompaction.Slack);

    /// <summary>
    /// Moves the k-th smallest value of <paramref name="a"/> to a[k] with a[..k] ≤ a[k] ≤ a[(k + 1)..].
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is shorter than <see cref="ScratchLength"/>.</exception>
    public static void Select(Span<double> a, int k, Span<double> scratch)
    {
        var m = a.Length;
        if (scratch.Length < ScratchLength(m))
        {
            throw new ArgumentException($"scratch holds {scratch.Length} doubles; {ScratchLength(m)} needed", nameof(scratch));
        }

        var below = scratch[..(m + TailCompaction.Slack)];
        var above = scratch.Slice(m + TailCompaction.Slack, m + TailCompaction.Slack);
        int lo = 0, hi = m;
        var budget = 2 * (32 - int.LeadingZeroCount(m));
        while (hi - lo > SmallSegment)
        {
            var segment = a[lo..hi];
            if (budget-- == 0)
            {
                // Pivots kept missing (adversarial order): finish in O(s log s).
                segment.Sort();
                return;
            }

            var s = segment.Length;
            var pivot = MedianOfThree(segment[0], segment[s >> 1], segment[s - 1]);

            // x ≤ the double just below the pivot is x < pivot for finite values (and ±0 both count as equal to 0).
            var (cBelow, cAbove) = TailCompaction.Compact(segment, Math.BitDecrement(pivot), Math.BitIncrement(pivot), below, above);
            below[..cBelow].CopyTo(segment);
            segment[cBelow..(s - cAbove)].Fill(pivot);
            above[..cAbove].CopyTo(segment[(s - cAbove)..]);

            var equalStart = lo + cBelow;
            var aboveStart = hi - cAbove;
            if (k < equalStart)
            {
                hi = equalStart;
            }
            else if (k >= aboveStart)
            {
                lo = aboveStart;
            }
            else
            {
                return;
            }
        }

        InsertionSort(a[lo..hi]);
    }

    private static double MedianOfThree(double x, double y, double z) =>
        Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));

    /// <summary>Sorts a short span in place (also the final step of <see cref="OrderStatistics.Introselect"/>).</summary>
    public static void InsertionSort(Span<double> a)
    {
        for (var i = 1; i < a.Length; i++)
        {
            var v = a[i];
            var j = i - 1;
            while (j >= 0 && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }

            a[j + 1] = v;
        }
    }
}
