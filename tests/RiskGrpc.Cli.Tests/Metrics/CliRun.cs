namespace RiskGrpc.Cli.Tests.Metrics;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
