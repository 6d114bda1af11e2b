using System.Diagnostics;

namespace RiskGrpc.TestUtils;

/// <summary>Every await in a test goes through <see cref="DefaultTimeout{T}(Task{T})"/> so a hang fails fast.</summary>
public static class TaskTimeoutExtensions
{
    /// <summary>The timeout applied to awaits in tests; long when a debugger is attached.</summary>
    public static TimeSpan DefaultTimeoutSpan => Debugger.IsAttached ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(30);

    /// <summary>Waits for the task for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(DefaultTimeoutSpan);

    /// <summary>Waits for the task for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task DefaultTimeout(this Task task) => task.WaitAsync(DefaultTimeoutSpan);

    /// <summary>Waits for the value task for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task<T> DefaultTimeout<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(DefaultTimeoutSpan);
}
