namespace RiskGrpc.Engine.Live;

/// <summary>
/// Validates and applies one sequenced event to a portfolio. Each method validates everything first and
/// mutates only when the whole event is valid, so a rejected event leaves the state untouched; it returns the
/// rejection (reason and detail) or null when applied.
/// </summary>
internal static class LiveEventApplier
{
    private const int MaxInstrumentLength = 64;

    public static (LiveEventErrorReason, string)? ApplyReturn(PortfolioState state, in LiveEvent evt, TimeProvider time)
    {
        if (!double.IsFinite(evt.Value) || evt.Value < -1)
        {
            return (LiveEventErrorReason.InvalidArgument, $"return_observation.value must be finite and ≥ −1, got {evt.Value:R}");
        }

        if (evt.BenchmarkReturn is { } b && (!double.IsFinite(b) || b < -1))
        {
            return (LiveEventErrorReason.InvalidArgument, $"return_observation.benchmark_return must be finite and ≥ −1, got {b:R}");
        }

        if (state.Kind == PortfolioKind.Positions)
        {
            return (LiveEventErrorReason.WrongPortfolioKind, $"portfolio '{state.Id}' is defined by positions; it takes marks and fills, not returns");
        }

        state.Kind = PortfolioKind.Returns;
        state.Window.Add(evt.Value, evt.BenchmarkReturn);
        state.TotalObservations++;
        state.AsOf = evt.Timestamp ?? time.GetUtcNow();
        return null;
    }

    public static (LiveEventErrorReason, string)? ApplyMark(PortfolioState state, in LiveEvent evt, TimeProvider time)
    {
        if (CheckInstrumentAndPrice(evt, "mark_price") is { } invalid)
        {
            return invalid;
        }

        if (state.Kind == PortfolioKind.Returns)
        {
            return WrongKindForPositions(state);
        }

        if (state.Positions is null || !state.Positions.Contains(evt.Instrument!))
        {
            return (LiveEventErrorReason.UnknownInstrument, $"portfolio '{state.Id}' has never traded instrument '{evt.Instrument}'");
        }

        var book = state.Positions;
        var pnl = book.MarkPnl(evt.Instrument!, evt.Price);
        var derived = DerivedReturn(state, book.GrossExposure, pnl);
        if (derived.Error is { } error)
        {
            return error;
        }

        if (derived.Value is { } r)
        {
            state.Window.Add(r, null);
            state.TotalObservations++;
        }

        book.Mark(evt.Instrument!, evt.Price);
        state.PeriodPnl = pnl;
        state.AsOf = evt.Timestamp ?? time.GetUtcNow();
        return null;
    }

    public static (LiveEventErrorReason, string)? ApplyFill(PortfolioState state, in LiveEvent evt, TimeProvider time, int maxInstruments)
    {
        if (CheckInstrumentAndPrice(evt, "position_change") is { } invalid)
        {
            return invalid;
        }

        if (!double.IsFinite(evt.Quantity) || evt.Quantity == 0)
        {
            return (LiveEventErrorReason.InvalidArgument, $"position_change.quantity must be finite and non-zero, got {evt.Quantity:R}");
        }

        if (state.Kind == PortfolioKind.Returns)
        {
            return WrongKindForPositions(state);
        }

        var book = state.Positions;
        if (book is not null && !book.Contains(evt.Instrument!) && book.InstrumentCount >= maxInstruments)
        {
            return (LiveEventErrorReason.LimitExceeded, $"a portfolio may hold at most {maxInstruments} instruments");
        }

        var pnl = book?.MarkPnl(evt.Instrument!, evt.Price) ?? 0;
        var derived = DerivedReturn(state, book?.GrossExposure ?? 0, pnl);
        if (derived.Error is { } error)
        {
            return error;
        }

        state.Kind = PortfolioKind.Positions;
        book ??= state.Positions = new PositionBook();
        if (derived.Value is { } r)
        {
            state.Window.Add(r, null);
            state.TotalObservations++;
        }

        book.Fill(evt.Instrument!, evt.Quantity, evt.Price);
        state.PeriodPnl = pnl;
        state.AsOf = evt.Timestamp ?? time.GetUtcNow();
        return null;
    }

    public static (LiveEventErrorReason, string)? ApplyConfiguration(PortfolioState state, in LiveEvent evt, int maxWindowLength)
    {
        var change = evt.Configuration;
        if (change is null)
        {
            return (LiveEventErrorReason.InvalidArgument, "configuration is missing");
        }

        if (LiveConfigurationValidator.Validate(change, maxWindowLength) is { } problem)
        {
            return (LiveEventErrorReason.InvalidArgument, problem);
        }

        var old = state.Settings;
        var settings = old.With(change);
        if (settings.WindowLength != old.WindowLength)
        {
            state.Window = state.Window.Resize(settings.WindowLength);
        }

        if (settings.RiskFreePerPeriod != old.RiskFreePerPeriod)
        {
            state.Window.SetRiskFreePerPeriod(settings.RiskFreePerPeriod);
        }

        state.Settings = settings;
        return null;
    }

    /// <summary>
    /// The return a P&amp;L of <paramref name="pnl"/> means: pnl / capital when configured, else pnl / gross exposure
    /// before the move; no return (null value) when there is no base. Below −100 % is an error.
    /// </summary>
    private static (double? Value, (LiveEventErrorReason, string)? Error) DerivedReturn(PortfolioState state, double grossExposure, double pnl)
    {
        var basis = state.Settings.Capital ?? grossExposure;
        if (!(basis > 0))
        {
            return (null, null);
        }

        var r = pnl / basis;
        if (!double.IsFinite(r) || r < -1)
        {
            return (null, (LiveEventErrorReason.InvalidArgument, $"the event implies a return of {r:R} (below −100 % of {basis:R}); configure a larger capital"));
        }

        return (r, null);
    }

    private static (LiveEventErrorReason, string)? CheckInstrumentAndPrice(in LiveEvent evt, string field)
    {
        if (evt.Instrument is not { Length: > 0 and <= MaxInstrumentLength })
        {
            return (LiveEventErrorReason.InvalidArgument, $"{field}.instrument must be 1 to {MaxInstrumentLength} characters");
        }

        if (!double.IsFinite(evt.Price) || evt.Price <= 0)
        {
            return (LiveEventErrorReason.InvalidArgument, $"{field}.price must be finite and > 0, got {evt.Price:R}");
        }

        return null;
    }

    private static (LiveEventErrorReason, string) WrongKindForPositions(PortfolioState state) =>
        (LiveEventErrorReason.WrongPortfolioKind, $"portfolio '{state.Id}' is defined by returns; it takes return observations, not positions");
}
