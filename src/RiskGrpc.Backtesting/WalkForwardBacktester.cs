using System.Globalization;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Backtesting;

/// <summary>
/// Point-in-time walk-forward backtests. At the close of each rebalancing row t (the schedule's rows with at least
/// <see cref="BacktestSpec.Lookback"/> rows up to t) each strategy's allocator sees copies of rows ≤ t only, for the assets
/// with a return in every lookback row. Between rebalances weights drift with returns (wᵢ ← wᵢ(1 + rᵢ)/(1 + Σwⱼrⱼ); a held
/// asset's missing return counts as 0). At a rebalance, turnover Σ|w_target − w_drifted| costs turnover × bps/10⁴ of
/// wealth, charged on the next period's return. Strategies run in parallel, and so do the dates of stateless allocators.
/// </summary>
public static class WalkForwardBacktester
{
    /// <summary>Runs <paramref name="strategies"/> on <paramref name="spec"/>; a failing strategy reports its error and the others still answer.</summary>
    /// <exception cref="BacktestException">The spec or the strategy list is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BacktestResult Run(
        BacktestSpec spec,
        IReadOnlyList<IAllocationStrategy> strategies,
        SharpeComparisonOptions? comparison = null,
        IProgress<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(strategies);
        comparison ??= new SharpeComparisonOptions();
        var dates = Validate(spec, strategies, comparison);
        var rebalances = spec.Schedule.Rows(dates, spec.Lookback - 1).Where(t => t < spec.Returns.RowCount - 1).ToArray();
        if (rebalances.Length == 0)
        {
            throw new BacktestException($"no rebalancing date has {spec.Lookback} rows of history and a period after it", "returns");
        }

        var gaps = LastMissingRows(spec.Returns.Values);
        var total = rebalances.Length * strategies.Count;
        var completed = 0;
        var results = new StrategyResult[strategies.Count];
        Parallel.For(0, strategies.Count, new ParallelOptions { CancellationToken = cancellationToken }, s =>
        {
            var strategy = strategies[s];
            void Done() => progress?.Report(new BacktestProgress(Interlocked.Increment(ref completed), total, strategy.Name));
            try
            {
                var decisions = Decide(spec, gaps, strategy.CreateAllocator(), rebalances, Done, cancellationToken);
                results[s] = Simulate(spec, strategy.Name, rebalances, decisions);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[s] = Failed(strategy.Name, ex is AggregateException { InnerExceptions: [var inner, ..] } ? inner : ex);
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
        return new BacktestResult(results, Compare(spec, results, comparison));
    }

    private static List<DateOnly> Validate(BacktestSpec spec, IReadOnlyList<IAllocationStrategy> strategies, SharpeComparisonOptions comparison)
    {
        if (strategies.Count == 0)
        {
            throw new BacktestException("name at least one strategy", "strategies");
        }

        var duplicate = strategies.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new BacktestException($"strategy '{duplicate.Key}' is named twice", "strategies");
        }

        if (comparison.Baseline is { } baseline && strategies.All(s => s.Name != baseline))
        {
            throw new BacktestException($"the baseline '{baseline}' is not among the strategies", "baseline");
        }

        if (spec.Lookback < 2)
        {
            throw new BacktestException("the lookback must be at least 2 rows", "lookback");
        }

        if (!(spec.CostBps >= 0) || !double.IsFinite(spec.CostBps))
        {
            throw new BacktestException("the cost in basis points must be finite and non-negative", "cost_bps");
        }

        if (!(spec.PeriodsPerYear > 0) || !double.IsFinite(spec.PeriodsPerYear))
        {
            throw new BacktestException("periods per year must be positive and finite", "periods_per_year");
        }

        if (!double.IsFinite(spec.RiskFreeRate))
        {
            throw new BacktestException("the risk-free rate must be finite", "risk_free_rate");
        }

        if (!(spec.MinWeight <= spec.MaxWeight) || !double.IsFinite(spec.MinWeight) || !double.IsFinite(spec.MaxWeight) || spec.MaxWeight <= 0)
        {
            throw new BacktestException("weight bounds need finite min ≤ max with max > 0", "max_weight");
        }

        if (spec.Horizon < 2)
        {
            throw new BacktestException("the label horizon must be at least 2 rows", "horizon");
        }

        var table = spec.Returns;
        if (table.AssetCount == 0)
        {
            throw new BacktestException("the returns have no asset column", "returns");
        }

        var dates = new List<DateOnly>(table.RowCount);
        for (var r = 0; r < table.RowCount; r++)
        {
            if (!DateOnly.TryParse(table.Labels[r], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new BacktestException($"row {r} has label '{table.Labels[r]}', not a date", $"returns.rows[{r}].label");
            }

            if (r > 0 && date <= dates[^1])
            {
                throw new BacktestException($"row {r} date {date:yyyy-MM-dd} is not after the previous row's", $"returns.rows[{r}].label");
            }

            dates.Add(date);
            for (var a = 0; a < table.AssetCount; a++)
            {
                var v = table.Values[r, a];
                if (double.IsInfinity(v) || v <= -1)
                {
                    throw new BacktestException($"row {r} asset {table.Assets[a]} has return {v.ToString(CultureInfo.InvariantCulture)}", $"returns.rows[{r}].values[{a}]");
                }
            }
        }

        return dates;
    }

    private static AllocationDecision[] Decide(BacktestSpec spec, int[,] gaps, IAllocator allocator, int[] rebalances, Action done, CancellationToken ct)
    {
        var decisions = new AllocationDecision[rebalances.Length];
        if (allocator.ConcurrentDates)
        {
            Parallel.For(0, rebalances.Length, new ParallelOptions { CancellationToken = ct }, k =>
            {
                decisions[k] = DecideOne(spec, gaps, allocator, rebalances[k], ct);
                done();
            });
        }
        else
        {
            for (var k = 0; k < rebalances.Length; k++)
            {
                ct.ThrowIfCancellationRequested();
                decisions[k] = DecideOne(spec, gaps, allocator, rebalances[k], ct);
                done();
            }
        }

        return decisions;
    }

    private static AllocationDecision DecideOne(BacktestSpec spec, int[,] gaps, IAllocator allocator, int t, CancellationToken ct)
    {
        var context = Context(spec, gaps, t, ct);
        var decision = allocator.Allocate(context);
        if (decision.Weights.Length != context.Assets.Count || decision.Weights.Any(w => !double.IsFinite(w)))
        {
            throw new InvalidOperationException($"the allocator returned {decision.Weights.Length} weights for {context.Assets.Count} assets, or a non-finite weight, at {context.Date:yyyy-MM-dd}");
        }

        var full = new double[spec.Returns.AssetCount];
        for (var i = 0; i < context.AssetIndices.Length; i++)
        {
            full[context.AssetIndices[i]] = decision.Weights[i];
        }

        return decision with { Weights = full };
    }

    /// <summary>For each row t and asset a, the last row ≤ t where a has no return (−1 when none).</summary>
    internal static int[,] LastMissingRows(double[,] values)
    {
        var rows = values.GetLength(0);
        var n = values.GetLength(1);
        var last = new int[rows, n];
        for (var a = 0; a < n; a++)
        {
            var gap = -1;
            for (var t = 0; t < rows; t++)
            {
                gap = double.IsNaN(values[t, a]) ? t : gap;
                last[t, a] = gap;
            }
        }

        return last;
    }

    /// <summary>The point-in-time view at row t: copies of rows ≤ t only.</summary>
    internal static AllocationContext Context(BacktestSpec spec, int[,] gaps, int t, CancellationToken ct)
    {
        var table = spec.Returns;
        var first = t - spec.Lookback + 1;
        var universe = new List<int>();
        var historyStart = 0;
        for (var a = 0; a < table.AssetCount; a++)
        {
            if (gaps[t, a] < first)
            {
                universe.Add(a);
                historyStart = Math.Max(historyStart, gaps[t, a] + 1);
            }
        }

        if (universe.Count == 0)
        {
            throw new BacktestException($"no asset has {spec.Lookback} rows of returns up to {table.Labels[t]}", "returns");
        }

        var indices = universe.ToArray();
        return new AllocationContext
        {
            Row = t,
            Date = DateOnly.Parse(table.Labels[t], CultureInfo.InvariantCulture),
            AssetIndices = indices,
            Assets = [.. indices.Select(a => table.Assets[a])],
            Window = Copy(table.Values, first, t, indices),
            WindowLabels = [.. table.Labels.Skip(first).Take(spec.Lookback)],
            HistoryStartRow = historyStart,
            History = () => Copy(table.Values, historyStart, t, indices),
            Spec = spec,
            CancellationToken = ct,
        };
    }

    private static double[,] Copy(double[,] values, int first, int last, int[] columns)
    {
        var copy = new double[last - first + 1, columns.Length];
        for (var r = first; r <= last; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                copy[r - first, c] = values[r, columns[c]];
            }
        }

        return copy;
    }

    private static StrategyResult Simulate(BacktestSpec spec, string name, int[] rebalances, AllocationDecision[] decisions)
    {
        var table = spec.Returns;
        var n = table.AssetCount;
        var start = rebalances[0];
        var periods = table.RowCount - 1 - start;
        var returns = new double[periods];
        var held = new double[n];
        var records = new List<RebalanceRecord>(rebalances.Length);
        var pendingCost = 0.0;
        double turnover = 0, costs = 0;
        var next = 0;
        for (var t = start; t < table.RowCount - 1; t++)
        {
            if (next < rebalances.Length && rebalances[next] == t)
            {
                var target = decisions[next].Weights;
                var traded = 0.0;
                for (var a = 0; a < n; a++)
                {
                    traded += Math.Abs(target[a] - held[a]);
                }

                var cost = traded * spec.CostBps / 10_000;
                pendingCost += cost;
                turnover += traded;
                costs += cost;
                Array.Copy(target, held, n);
                records.Add(new RebalanceRecord(table.Labels[t], t, target, traded, cost, decisions[next].Note));
                next++;
            }

            var r = t + 1;
            var gross = 0.0;
            for (var a = 0; a < n; a++)
            {
                var x = table.Values[r, a];
                gross += held[a] * (double.IsNaN(x) ? 0 : x);
            }

            for (var a = 0; a < n; a++)
            {
                var x = table.Values[r, a];
                held[a] = held[a] * (1 + (double.IsNaN(x) ? 0 : x)) / (1 + gross);
            }

            returns[r - start - 1] = ((1 + gross) * (1 - pendingCost)) - 1;
            pendingCost = 0;
        }

        var dates = table.Labels.Skip(start + 1).ToArray();
        return new StrategyResult
        {
            Name = name,
            Dates = dates,
            Returns = returns,
            Rebalances = records,
            Turnover = turnover,
            AnnualTurnover = turnover * spec.PeriodsPerYear / periods,
            Costs = costs,
            Metrics = Metrics(spec, returns, dates),
        };
    }

    private static readonly Lazy<IMetricsEngine> MetricsEngineInstance = new(() => MetricsEngine.Create());

    private static Dictionary<string, double> Metrics(BacktestSpec spec, double[] returns, string[] dates)
    {
        var result = MetricsEngineInstance.Value.Compute(new MetricsRequest
        {
            Returns = returns,
            PeriodsPerYear = spec.PeriodsPerYear,
            RiskFreeRate = spec.RiskFreeRate,
            Timestamps = dates.Select(d => DateTime.SpecifyKind(DateOnly.Parse(d, CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc)).ToArray(),
        });
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var field in MetricCatalogue.Returns)
        {
            metrics[field.Name] = field.Get(result.Metrics);
        }

        return metrics;
    }

    private static StrategyResult Failed(string name, Exception ex) => new()
    {
        Name = name,
        Dates = [],
        Returns = [],
        Rebalances = [],
        Turnover = 0,
        AnnualTurnover = 0,
        Costs = 0,
        Metrics = new Dictionary<string, double>(),
        Error = ex.Message,
    };

    private static SharpeComparison[] Compare(BacktestSpec spec, StrategyResult[] results, SharpeComparisonOptions options)
    {
        var baseline = results.First(r => r.Name == (options.Baseline ?? results[0].Name));
        if (baseline.Error is not null)
        {
            return [];
        }

        var compared = results.Where(r => r.Name != baseline.Name && r.Error is null && r.Returns.Length >= 3).ToArray();
        var comparisons = new SharpeComparison[compared.Length];
        Parallel.For(0, compared.Length, i => comparisons[i] = SharpeRatioInference.Compare(
            compared[i].Name, compared[i].Returns, baseline.Name, baseline.Returns, spec.RiskFreeRate, spec.PeriodsPerYear, options));
        return [.. comparisons];
    }
}
