using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary><see cref="TaskTimeoutExtensions"/> for the non-generic ValueTask the engine's submit path returns.</summary>
internal static class ValueTaskTimeoutExtensions
{
    public static Task DefaultTimeout(this ValueTask task) => task.AsTask().WaitAsync(TaskTimeoutExtensions.DefaultTimeoutSpan);
}
