namespace RiskGrpc.Cli;

/// <summary>Dispatches <c>riskgrpc &lt;command&gt; [options]</c> to the matching <see cref="ICliCommand"/>.</summary>
internal static class CliApplication
{
    /// <summary>Every sub-command the CLI knows. Each capability adds its command here.</summary>
    internal static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new Commands.MetricsCommand(),
        new Commands.OptimizeCommand(),
        new Commands.CovarianceCommand(),
        new Commands.BacktestCommand(),
        new Commands.AuthCommand(),
        new Reports.ReportCommand(),
        new Commands.RiskCommand(),
    ];

    /// <summary>Runs the command named by <paramref name="args"/>[0]; unknown commands print usage and exit 2.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Count == 0 ? stderr : stdout);
            return args.Count == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            stderr.WriteLine($"error: unknown command '{args[0]}'");
            PrintUsage(stderr);
            return 2;
        }

        return command.Run(args.Skip(1).ToArray(), stdout, stderr);
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: riskgrpc <command> [options]");
        foreach (var c in Commands)
        {
            writer.WriteLine($"  {c.Name,-12} {c.Summary}");
        }
    }
}
