using RiskGrpc.Security;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>auth hash-key KEY</c> prints the salted hash to configure as <c>RiskGrpc:Auth:Keys:N:Hash</c>; with KEY <c>-</c> the
/// key is read from standard input (so it stays out of shell history and process lists). The key is never printed.
/// </summary>
internal sealed class AuthCommand(TextReader? stdin = null) : ICliCommand
{
    public string Name => "auth";

    public string Summary => "auth hash-key KEY|- : print the salted hash of an API key for RiskGrpc:Auth:Keys";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count != 2 || args[0] != "hash-key")
        {
            stderr.WriteLine("usage: riskgrpc auth hash-key KEY   (KEY '-' reads the key from standard input)");
            return 2;
        }

        var key = args[1] == "-" ? (stdin ?? Console.In).ReadLine()?.Trim() : args[1];
        if (string.IsNullOrEmpty(key) || key.Length < ApiKeyHash.MinimumKeyLength)
        {
            stderr.WriteLine($"error: an API key needs at least {ApiKeyHash.MinimumKeyLength} characters");
            return 2;
        }

        stdout.WriteLine(ApiKeyHash.Create(key));
        return 0;
    }
}
