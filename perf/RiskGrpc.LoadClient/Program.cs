using RiskGrpc.LoadClient.Cli;

// Small dispatcher: every sub-command is an ILoadCommand in its own folder (see CommandDispatcher.Commands).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await CommandDispatcher.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, cancel.Token);
