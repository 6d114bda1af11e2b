using Google.Protobuf.WellKnownTypes;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.Server.LiveRisk;

/// <summary>Maps <c>riskgrpc.v1</c> live messages to engine types and back. Proto types stop here.</summary>
internal static class LiveRiskProtoMapper
{
    /// <summary>The engine event for a request; what cannot be translated is carried as <see cref="LiveEvent.MappingError"/>.</summary>
    public static LiveEvent ToEvent(ConnectRequest request, long receivedTimestamp)
    {
        var evt = new LiveEvent
        {
            PortfolioId = request.PortfolioId,
            Sequence = request.Sequence,
            ReceivedTimestamp = receivedTimestamp,
        };

        switch (request.EventCase)
        {
            case ConnectRequest.EventOneofCase.ReturnObservation:
                var observation = request.ReturnObservation;
                return evt with
                {
                    Kind = LiveEventKind.ReturnObservation,
                    Value = observation.Value,
                    BenchmarkReturn = observation.HasBenchmarkReturn ? observation.BenchmarkReturn : null,
                    Timestamp = observation.Timestamp?.ToDateTimeOffset(),
                };
            case ConnectRequest.EventOneofCase.MarkPrice:
                var mark = request.MarkPrice;
                return evt with { Kind = LiveEventKind.MarkPrice, Instrument = mark.Instrument, Price = mark.Price, Timestamp = mark.Timestamp?.ToDateTimeOffset() };
            case ConnectRequest.EventOneofCase.PositionChange:
                var fill = request.PositionChange;
                return evt with
                {
                    Kind = LiveEventKind.PositionChange,
                    Instrument = fill.Instrument,
                    Quantity = fill.Quantity,
                    Price = fill.Price,
                    Timestamp = fill.Timestamp?.ToDateTimeOffset(),
                };
            case ConnectRequest.EventOneofCase.Configuration:
                var change = ToChange(request.Configuration, out var problem);
                return evt with { Kind = LiveEventKind.Configuration, Configuration = change, MappingError = problem };
            case ConnectRequest.EventOneofCase.Snapshot:
                return evt with { Kind = LiveEventKind.Snapshot };
            case ConnectRequest.EventOneofCase.Attach:
                return evt with { Kind = LiveEventKind.Attach };
            default:
                return evt with { Kind = LiveEventKind.Unspecified };
        }
    }

    /// <summary>The wire update for a snapshot; metric groups outside its selection are left unset.</summary>
    public static LiveRiskUpdate ToUpdate(LiveRiskSnapshot snapshot)
    {
        var update = new LiveRiskUpdate
        {
            PortfolioId = snapshot.PortfolioId,
            LastAppliedSequence = snapshot.LastAppliedSequence,
            WindowObservations = (uint)snapshot.WindowObservations,
            TotalObservations = (ulong)snapshot.TotalObservations,
            ProcessingTime = Duration.FromTimeSpan(snapshot.ProcessingTime),
            CoalescedUpdates = (ulong)snapshot.CoalescedUpdates,
        };
        if (snapshot.AsOf != default)
        {
            update.AsOf = Timestamp.FromDateTimeOffset(snapshot.AsOf);
        }

        var selection = snapshot.Selection;
        if (selection.HasFlag(LiveMetricSelection.Volatility))
        {
            update.Volatility = snapshot.Volatility;
        }

        if (selection.HasFlag(LiveMetricSelection.Sharpe))
        {
            update.Sharpe = snapshot.Sharpe;
        }

        if (selection.HasFlag(LiveMetricSelection.Sortino))
        {
            update.Sortino = snapshot.Sortino;
        }

        if (selection.HasFlag(LiveMetricSelection.Drawdown))
        {
            update.MaxDrawdown = snapshot.MaxDrawdown;
            update.CurrentDrawdown = snapshot.CurrentDrawdown;
        }

        if (selection.HasFlag(LiveMetricSelection.Beta) && snapshot.HasBenchmark)
        {
            update.Beta = snapshot.Beta;
        }

        if (selection.HasFlag(LiveMetricSelection.TailRisk))
        {
            foreach (var tail in snapshot.TailRisk)
            {
                update.TailRisk.Add(new Contracts.V1.LiveTailRisk
                {
                    Confidence = tail.Confidence,
                    VarHistorical = tail.VarHistorical,
                    CvarHistorical = tail.CvarHistorical,
                    VarGaussian = tail.VarGaussian,
                    CvarGaussian = tail.CvarGaussian,
                    VarCornishFisher = tail.VarCornishFisher,
                    CvarCornishFisher = tail.CvarCornishFisher,
                });
            }
        }

        if (selection.HasFlag(LiveMetricSelection.Positions) && snapshot.IsPositionPortfolio)
        {
            update.Positions = new LivePositionRisk
            {
                GrossExposure = snapshot.GrossExposure,
                NetExposure = snapshot.NetExposure,
                TotalPnl = snapshot.TotalPnl,
                PeriodPnl = snapshot.PeriodPnl,
                OpenPositions = (uint)snapshot.OpenPositions,
            };
        }

        return update;
    }

    public static EventError ToError(in LiveEventError error) => new()
    {
        PortfolioId = error.PortfolioId,
        Sequence = error.Sequence,
        Code = ToCode(error.Reason),
        Reason = error.Reason switch
        {
            LiveEventErrorReason.InvalidArgument => EventErrorReason.InvalidArgument,
            LiveEventErrorReason.Internal => EventErrorReason.Internal,
            LiveEventErrorReason.UnknownInstrument => EventErrorReason.UnknownInstrument,
            LiveEventErrorReason.OutOfOrder => EventErrorReason.OutOfOrder,
            LiveEventErrorReason.WriterConflict => EventErrorReason.WriterConflict,
            LiveEventErrorReason.WrongPortfolioKind => EventErrorReason.WrongPortfolioKind,
            LiveEventErrorReason.LimitExceeded => EventErrorReason.LimitExceeded,
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Reason, "No wire reason for this error."),
        },
        Message = error.Message,
        SequenceConsumed = error.SequenceConsumed,
    };

    public static Acknowledgement ToAcknowledgement(in LiveAcknowledgement ack) => new()
    {
        PortfolioId = ack.PortfolioId,
        LastAppliedSequence = ack.LastAppliedSequence,
        Sequence = ack.Sequence,
        Kind = ack.Kind switch
        {
            LiveAcknowledgementKind.AttachedNew => AcknowledgementKind.AttachedNew,
            LiveAcknowledgementKind.AttachedExisting => AcknowledgementKind.AttachedExisting,
            LiveAcknowledgementKind.Duplicate => AcknowledgementKind.Duplicate,
            _ => throw new ArgumentOutOfRangeException(nameof(ack), ack.Kind, "No wire kind for this acknowledgement."),
        },
    };

    private static Google.Rpc.Code ToCode(LiveEventErrorReason reason) => reason switch
    {
        LiveEventErrorReason.InvalidArgument => Google.Rpc.Code.InvalidArgument,
        LiveEventErrorReason.UnknownInstrument => Google.Rpc.Code.NotFound,
        LiveEventErrorReason.OutOfOrder => Google.Rpc.Code.OutOfRange,
        LiveEventErrorReason.WriterConflict or LiveEventErrorReason.WrongPortfolioKind => Google.Rpc.Code.FailedPrecondition,
        LiveEventErrorReason.LimitExceeded => Google.Rpc.Code.ResourceExhausted,
        LiveEventErrorReason.Internal => Google.Rpc.Code.Internal,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "No status for this reason."),
    };

    private static LiveConfigurationChange ToChange(LiveRiskConfiguration configuration, out string? problem)
    {
        problem = null;
        var selection = LiveMetricSelection.None;
        for (var i = 0; i < configuration.Metrics.Count; i++)
        {
            var flag = configuration.Metrics[i] switch
            {
                LiveMetric.Volatility => LiveMetricSelection.Volatility,
                LiveMetric.Sharpe => LiveMetricSelection.Sharpe,
                LiveMetric.Sortino => LiveMetricSelection.Sortino,
                LiveMetric.Drawdown => LiveMetricSelection.Drawdown,
                LiveMetric.TailRisk => LiveMetricSelection.TailRisk,
                LiveMetric.Beta => LiveMetricSelection.Beta,
                LiveMetric.Positions => LiveMetricSelection.Positions,
                _ => LiveMetricSelection.None,
            };
            if (flag == LiveMetricSelection.None)
            {
                problem ??= $"configuration.metrics[{i}] is not a metric ({configuration.Metrics[i]})";
            }

            selection |= flag;
        }

        return new LiveConfigurationChange
        {
            WindowLength = configuration.WindowLength > int.MaxValue ? int.MaxValue : (int)configuration.WindowLength,
            ConfidenceLevels = [.. configuration.ConfidenceLevels],
            Metrics = selection,
            MinUpdateInterval = configuration.MinUpdateInterval?.ToTimeSpan(),
            PeriodsPerYear = configuration.PeriodsPerYear,
            RiskFreeRate = configuration.HasRiskFreeRate ? configuration.RiskFreeRate : null,
            Capital = configuration.HasCapital ? configuration.Capital : null,
        };
    }
}
