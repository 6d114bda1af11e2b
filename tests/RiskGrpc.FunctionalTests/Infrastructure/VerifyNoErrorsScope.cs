namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// Fails the test when the server logged an Error (or worse) between the scope's start and its disposal, unless
/// <paramref name="expected"/> accepts it (after grpc-dotnet's test/FunctionalTests/Infrastructure/VerifyNoErrorsScope.cs).
/// </summary>
public sealed class VerifyNoErrorsScope(TestLogSink sink, Func<LogRecord, bool>? expected = null) : IDisposable
{
    private readonly int _start = sink.Count;

    /// <summary>The Error entries logged since the scope started that <c>expected</c> did not accept.</summary>
    public IReadOnlyList<LogRecord> UnexpectedErrors()
    {
        var records = sink.Records;
        var errors = new List<LogRecord>();
        for (var i = _start; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Level >= LogLevel.Error && (expected is null || !expected(r)))
            {
                errors.Add(r);
            }
        }

        return errors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var errors = UnexpectedErrors();
        Assert.True(errors.Count == 0, "Unexpected error logs:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }
}
