namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>
/// Hierarchical clustering reproducing scipy's <c>linkage</c> (including its ordering of merges and of the two children):
/// single linkage by Prim's minimum spanning tree, the others by the nearest-neighbour chain with Lance-Williams updates;
/// merges are then stably sorted by height and relabelled with union-find (left = smaller root id). O(n²) time.
/// </summary>
internal static class AgglomerativeLinkage
{
    /// <summary>Clusters n points given their symmetric distance matrix (row-major n×n).</summary>
    public static Dendrogram Build(double[] distances, int n, LinkageMethod method)
    {
        if (n < 2)
        {
            throw Guard.Invalid("hierarchical clustering needs at least two assets", "assets");
        }

        var (x, y, h) = method == LinkageMethod.Single ? Prim(distances, n) : NearestNeighbourChain(distances, n, method);
        var order = Enumerable.Range(0, n - 1).OrderBy(k => h[k]).ToArray(); // LINQ OrderBy is stable, like mergesort
        var parent = Enumerable.Range(0, (2 * n) - 1).ToArray();
        int Find(int v)
        {
            while (parent[v] != v)
            {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }

            return v;
        }

        var left = new int[n - 1];
        var right = new int[n - 1];
        var height = new double[n - 1];
        for (var k = 0; k < n - 1; k++)
        {
            var a = Find(x[order[k]]);
            var b = Find(y[order[k]]);
            (left[k], right[k]) = a < b ? (a, b) : (b, a);
            height[k] = h[order[k]];
            parent[a] = parent[b] = n + k;
        }

        return new Dendrogram(n, left, right, height);
    }

    private static (int[] X, int[] Y, double[] H) Prim(double[] dist, int n)
    {
        var x = new int[n - 1];
        var y = new int[n - 1];
        var h = new double[n - 1];
        var merged = new bool[n];
        var best = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var current = 0;
        for (var k = 0; k < n - 1; k++)
        {
            merged[current] = true;
            var min = double.PositiveInfinity;
            var next = -1;
            for (var i = 0; i < n; i++)
            {
                if (merged[i])
                {
                    continue;
                }

                var d = dist[(current * n) + i];
                if (best[i] > d)
                {
                    best[i] = d;
                }

                if (best[i] < min || next < 0)
                {
                    min = best[i];
                    next = i;
                }
            }

            (x[k], y[k], h[k]) = (current, next, min);
            current = next;
        }

        return (x, y, h);
    }

    private static (int[] X, int[] Y, double[] H) NearestNeighbourChain(double[] dist, int n, LinkageMethod method)
    {
        var d = (double[])dist.Clone();
        var size = Enumerable.Repeat(1, n).ToArray();
        var chain = new int[n];
        var length = 0;
        var xs = new int[n - 1];
        var ys = new int[n - 1];
        var hs = new double[n - 1];
        for (var k = 0; k < n - 1; k++)
        {
            if (length == 0)
            {
                chain[0] = Array.FindIndex(size, s => s > 0);
                length = 1;
            }

            int x, y;
            double min;
            while (true)
            {
                x = chain[length - 1];
                y = length > 1 ? chain[length - 2] : -1;
                min = length > 1 ? d[(x * n) + y] : double.PositiveInfinity;
                for (var i = 0; i < n; i++)
                {
                    if (size[i] == 0 || i == x)
                    {
                        continue;
                    }

                    if (d[(x * n) + i] < min || y < 0)
                    {
                        min = d[(x * n) + i];
                        y = i;
                    }
                }

                if (length > 1 && y == chain[length - 2])
                {
                    break;
                }

                chain[length++] = y;
            }

            length -= 2;
            if (x > y)
            {
                (x, y) = (y, x);
            }

            int nx = size[x], ny = size[y];
            (xs[k], ys[k], hs[k]) = (x, y, min);
            size[x] = 0;
            size[y] = nx + ny;
            for (var i = 0; i < n; i++)
            {
                var ni = size[i];
                if (ni == 0 || i == y)
                {
                    continue;
                }

                var updated = Update(d[(i * n) + x], d[(i * n) + y], min, nx, ny, ni, method);
                d[(i * n) + y] = d[(y * n) + i] = updated;
            }
        }

        return (xs, ys, hs);
    }

    private static double Update(double dxi, double dyi, double dxy, int nx, int ny, int ni, LinkageMethod method) => method switch
    {
        LinkageMethod.Complete => Math.Max(dxi, dyi),
        LinkageMethod.Average => ((nx * dxi) + (ny * dyi)) / (nx + ny),
        LinkageMethod.Ward => Math.Sqrt(((((ni + nx) * dxi * dxi) + ((ni + ny) * dyi * dyi)) - (ni * dxy * dxy)) / (nx + ny + ni)),
        _ => Math.Min(dxi, dyi),
    };
}
