namespace RiskGrpc.Optimization.Supervised;

/// <summary>
/// Supervised k*-NN allocator over complete daily simple returns (rows × assets, oldest first). A prediction is made
/// at the last row t of the matrix it is given, which therefore holds no row after t: training dates s (every <see cref="SupervisedKnnOptions.SampleStep"/>
/// rows once <see cref="PortfolioFeatures.Lookback"/> rows exist) with s + h ≤ t, their features (rows ≤ s) and labels
/// (rows s+1..s+h, see <see cref="OptimalPortfolioLabel"/>); the query's features at t; ŵ = Σ αᵢ Yᵢ over the neighbours.
/// L/C is chosen by walk-forward validation on the training span: each training date in turn is predicted from the
/// dates before it whose labels had ended, and the L/C with the least mean ‖ŷ − y‖² wins.
/// The model is incremental: successive <see cref="Predict"/> calls with growing matrices (the same rows, extended)
/// reuse earlier samples and validation errors (each depends only on rows up to the date it was computed for), so a
/// walk-forward backtest pays for every training date once. Not thread-safe.
/// </summary>
public sealed class SupervisedKnnModel
{
    private readonly SupervisedKnnOptions _options;
    private readonly int _assets;
    private readonly int _featureLength;
    private readonly List<int> _rows = [];
    private readonly List<double[]> _features = [];
    private readonly List<double[]> _labels = [];
    private readonly double[] _lossSums;
    private int _validated;
    private int _lastRow = -1;
    private double[] _distances = new double[64];
    private int[] _order = new int[64];
    private double[] _sortedDistances = new double[64];
    private double[] _alphas = new double[64];
    private readonly double[] _scale;
    private readonly double[] _query;
    private readonly double[] _prediction;

    /// <summary>Creates an empty model for <paramref name="assets"/> assets.</summary>
    public SupervisedKnnModel(int assets, SupervisedKnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _assets = assets;
        if (_assets <= 0)
        {
            throw Guard.Invalid("the supervised allocator needs at least one asset", "returns");
        }

        _featureLength = PortfolioFeatures.Length(_assets);
        _lossSums = new double[options.LOverCGrid.Count];
        _scale = new double[_featureLength];
        _query = new double[_featureLength];
        _prediction = new double[_assets];
    }

    /// <summary>Labelled training dates added so far.</summary>
    public int TrainingPoints => _rows.Count;

    /// <summary>One-shot allocation at the last row of <paramref name="returns"/>.</summary>
    public static SupervisedKnnPrediction Allocate(double[,] returns, SupervisedKnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.GetLength(0) < 2)
        {
            throw Guard.Invalid("the supervised allocator needs at least two rows of returns", "returns");
        }

        return new SupervisedKnnModel(returns.GetLength(1), options).Predict(returns);
    }

    /// <summary>
    /// The allocation at the last row t of <paramref name="returns"/> (rows 0..t of the same span as every earlier call,
    /// one column per asset, no missing value).
    /// </summary>
    public SupervisedKnnPrediction Predict(double[,] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var row = returns.GetLength(0) - 1;
        if (returns.GetLength(1) != _assets)
        {
            throw new ArgumentException($"the model was built for {_assets} assets", nameof(returns));
        }

        if (row < _lastRow)
        {
            throw new ArgumentException("the returns matrix may only grow between predictions", nameof(returns));
        }

        _lastRow = row;
        AddSamplesUpTo(returns, row);
        if (_rows.Count < _options.MinTrainingPoints || row < PortfolioFeatures.Lookback - 1)
        {
            var first = Math.Max(0, row - PortfolioFeatures.Lookback + 1);
            if (row - first + 1 < 2)
            {
                throw Guard.Invalid("the supervised allocator needs at least two rows of returns", "returns");
            }

            return new SupervisedKnnPrediction
            {
                Weights = OptimalPortfolioLabel.MinimumVariance(returns, first, row, _options.Ridge, _options.PeriodsPerYear, _options.MaxWeight),
                NeighbourCount = 0,
                LOverC = 0,
                Neighbours = [],
                TrainingPoints = _rows.Count,
                ValidationPoints = _validated,
                Fallback = $"{_rows.Count} labelled training dates, fewer than the minimum {_options.MinTrainingPoints}: minimum variance on the trailing {row - first + 1} rows",
            };
        }

        PortfolioFeatures.Compute(returns, row, _options.PeriodsPerYear, _query);
        var lOverC = ChooseLOverC();
        var count = _rows.Count;
        var used = Neighbours(_query, count, lOverC);
        var neighbours = new List<SupervisedKnnNeighbour>(used);
        for (var i = 0; i < count && neighbours.Count < used; i++)
        {
            if (_alphas[i] > 0)
            {
                neighbours.Add(new SupervisedKnnNeighbour(_rows[_order[i]], _sortedDistances[i], _alphas[i]));
            }
        }

        return new SupervisedKnnPrediction
        {
            Weights = (double[])_prediction.Clone(),
            NeighbourCount = used,
            LOverC = _options.Weighting == NeighbourWeighting.KStar ? lOverC : 0,
            Neighbours = neighbours,
            TrainingPoints = count,
            ValidationPoints = _validated,
        };
    }

    private void AddSamplesUpTo(double[,] returns, int row)
    {
        var h = _options.Horizon;
        var next = _rows.Count == 0 ? PortfolioFeatures.Lookback - 1 : _rows[^1] + _options.SampleStep;
        for (var s = next; s + h <= row; s += _options.SampleStep)
        {
            var features = new double[_featureLength];
            PortfolioFeatures.Compute(returns, s, _options.PeriodsPerYear, features);
            var label = OptimalPortfolioLabel.Compute(returns, s + 1, s + h, _options.RiskFreeRate, _options.Ridge, _options.PeriodsPerYear, _options.MaxWeight);
            Validate(s, features, label);
            _rows.Add(s);
            _features.Add(features);
            _labels.Add(label);
        }
    }

    /// <summary>Predicts the new training date from the earlier ones whose labels had ended by s, for every L/C.</summary>
    private void Validate(int s, double[] features, double[] label)
    {
        var candidates = 0;
        while (candidates < _rows.Count && _rows[candidates] + _options.Horizon <= s)
        {
            candidates++;
        }

        if (candidates < _options.MinTrainingPoints)
        {
            return;
        }

        for (var g = 0; g < _lossSums.Length; g++)
        {
            Neighbours(features, candidates, _options.LOverCGrid[g], sortAgain: g == 0);
            var loss = 0.0;
            for (var a = 0; a < _assets; a++)
            {
                var d = _prediction[a] - label[a];
                loss += d * d;
            }

            _lossSums[g] += loss;
            if (_options.Weighting != NeighbourWeighting.KStar)
            {
                break;
            }
        }

        _validated++;
    }

    private double ChooseLOverC()
    {
        var grid = _options.LOverCGrid;
        if (_validated == 0)
        {
            return grid[grid.Count / 2];
        }

        var best = 0;
        for (var g = 1; g < _lossSums.Length; g++)
        {
            if (_lossSums[g] < _lossSums[best])
            {
                best = g;
            }
        }

        return grid[best];
    }

    /// <summary>Weights the first <paramref name="count"/> training dates for <paramref name="query"/>; fills _prediction.</summary>
    private int Neighbours(double[] query, int count, double lOverC, bool sortAgain = true)
    {
        EnsureCapacity(count);
        if (sortAgain)
        {
            SortByDistance(query, count);
        }

        var alphas = _alphas.AsSpan(0, count);
        var sorted = _sortedDistances.AsSpan(0, count);
        var used = _options.Weighting == NeighbourWeighting.KStar
            ? NeighbourWeights.KStar(sorted, lOverC, alphas)
            : NeighbourWeights.FixedInverseDistance(sorted, _options.FixedK > 0 ? _options.FixedK : (int)Math.Ceiling(Math.Sqrt(count)), alphas);
        Array.Clear(_prediction);
        for (var i = 0; i < count; i++)
        {
            var alpha = alphas[i];
            if (alpha == 0)
            {
                continue;
            }

            var y = _labels[_order[i]];
            for (var a = 0; a < _assets; a++)
            {
                _prediction[a] += alpha * y[a];
            }
        }

        return used;
    }

    private void SortByDistance(double[] query, int count)
    {
        if (_options.Distance == NeighbourDistance.EuclideanZScore)
        {
            TrainingScale(count);
        }

        for (var i = 0; i < count; i++)
        {
            _distances[i] = _options.Distance == NeighbourDistance.Hassanat
                ? HassanatDistance.Compute(query, _features[i])
                : ScaledEuclidean(query, _features[i]);
            _order[i] = i;
        }

        _order.AsSpan(0, count).Sort(new NearestFirst(_distances));
        for (var i = 0; i < count; i++)
        {
            _sortedDistances[i] = _distances[_order[i]];
        }
    }

    /// <summary>1/σ per feature over the first <paramref name="count"/> training dates (0 for a constant feature).</summary>
    private void TrainingScale(int count)
    {
        for (var f = 0; f < _featureLength; f++)
        {
            var mean = 0.0;
            for (var i = 0; i < count; i++)
            {
                mean += _features[i][f];
            }

            mean /= count;
            var ss = 0.0;
            for (var i = 0; i < count; i++)
            {
                var d = _features[i][f] - mean;
                ss += d * d;
            }

            var sd = count > 1 ? Math.Sqrt(ss / (count - 1)) : 0;
            _scale[f] = sd > 0 ? 1 / sd : 0;
        }
    }

    private double ScaledEuclidean(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var f = 0; f < _featureLength; f++)
        {
            var d = (x[f] - y[f]) * _scale[f];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Nearest first; equal distances go to the more recent date (a struct, so sorting allocates nothing).</summary>
    private readonly struct NearestFirst(double[] distances) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var c = distances[x].CompareTo(distances[y]);
            return c != 0 ? c : y.CompareTo(x);
        }
    }

    private void EnsureCapacity(int count)
    {
        if (_distances.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, _distances.Length * 2);
        _distances = new double[size];
        _order = new int[size];
        _sortedDistances = new double[size];
        _alphas = new double[size];
    }
}
