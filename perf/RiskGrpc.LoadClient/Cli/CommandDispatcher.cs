using RiskGrpc.LoadClient.Compare;
using RiskGrpc.LoadClient.Load;
using RiskGrpc.LoadClient.Payload;
using RiskGrpc.LoadClient.Unary;

namespace RiskGrpc.LoadClient.Cli;

/// <summary>Maps the first argument to an <see cref="ILoadCommand"/> and turns failures into exit codes (2: usage, 1: run failed).</summary>
internal static class CommandDispatcher
{
    /// <summary>Program name used in messages.</summary>
    public const string ProgramName = "riskgrpc-load";

    /// <summary>
    /// Every sub-command. A new scenario (e.g. <c>live</c>) is one file implementing <see cref="ILoadCommand"/> plus
    /// one line here.
    /// </summary>
    public static IReadOnlyList<ILoadCommand> Commands(TimeProvider time) =>
    [
        new UnaryCommand(time),
        new CompareCommand(time),
        new PayloadCommand(),
        new Live.LiveCommand(),
    ];

    /// <summary>Runs the command named by <c>args[0]</c>.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var commands = Commands(time);
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            var writer = args.Count == 0 ? stderr : stdout;
            await writer.WriteLineAsync($"usage: {ProgramName} <command> [options]");
            foreach (var command in commands)
            {
                await writer.WriteLineAsync("  " + command.Usage);
            }

            return args.Count == 0 ? 2 : 0;
        }

        var selected = commands.FirstOrDefault(c => c.Name == args[0]);
        if (selected is null)
        {
            await stderr.WriteLineAsync($"{ProgramName}: unknown command '{args[0]}' (expected one of: {string.Join(", ", commands.Select(c => c.Name))})");
            return 2;
        }

        try
        {
            return await selected.RunAsync(args.Skip(1).ToArray(), stdout, stderr, cancellationToken);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"{ProgramName}: {e.Message}");
            return 2;
        }
        catch (LoadRunException e)
        {
            await stderr.WriteLineAsync($"{ProgramName}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"{ProgramName}: cancelled");
            return 130;
        }
    }
}
