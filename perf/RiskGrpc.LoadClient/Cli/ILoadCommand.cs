namespace RiskGrpc.LoadClient.Cli;

/// <summary>
/// One sub-command of the load client (<c>unary</c>, <c>compare</c>, <c>payload</c>, …). Each command lives in its
/// own folder and is registered once in <see cref="CommandDispatcher.Commands"/>; adding a scenario (e.g. <c>live</c>)
/// touches no other command.
/// </summary>
internal interface ILoadCommand
{
    /// <summary>The verb typed on the command line.</summary>
    string Name { get; }

    /// <summary>One-line usage shown by <c>help</c>.</summary>
    string Usage { get; }

    /// <summary>
    /// Runs the command. Throws <see cref="UsageException"/> for bad arguments (exit 2); returns the exit code otherwise.
    /// </summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);
}
