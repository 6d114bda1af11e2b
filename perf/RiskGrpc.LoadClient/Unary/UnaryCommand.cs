using RiskGrpc.LoadClient.Cli;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Unary;

/// <summary><c>unary</c>: ghz-style closed-loop load on one unary RPC.</summary>
internal sealed class UnaryCommand : ILoadCommand
{
    private readonly TimeProvider _time;

    public UnaryCommand(TimeProvider time)
    {
        _time = time;
    }

    public string Name => "unary";

    public string Usage => "unary [--call metrics|health|batch] " + UnaryOptions.OptionsUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var reader = ArgReader.Parse(Name, args);
        var options = UnaryOptions.Parse(reader, allowCall: true);
        reader.EnsureNoneLeft();

        var call = options.CreateCall(options.Call);
        var summary = await UnaryLoad.RunAsync(options, call, _time, cancellationToken);
        var json = SummaryPrinter.ToJson(summary);
        if (options.JsonOut is not null)
        {
            await File.WriteAllTextAsync(options.JsonOut, json + "\n", cancellationToken);
        }

        if (options.Format == "json")
        {
            await stdout.WriteLineAsync(json);
        }
        else
        {
            SummaryPrinter.WriteText(summary, stdout, $"{call.Method} ({call.RequestBytes} B request), c={options.Concurrency}, connections={options.Connections}");
        }

        return 0;
    }
}
