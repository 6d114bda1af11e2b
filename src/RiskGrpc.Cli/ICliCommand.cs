namespace RiskGrpc.Cli;

/// <summary>One sub-command of the <c>riskgrpc</c> command line (e.g. <c>metrics</c>, <c>optimize</c>).</summary>
internal interface ICliCommand
{
    /// <summary>The sub-command's name as typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line shown in the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs the command. Returns the process exit code: 0 on success, 2 on bad input, 1 on other failures.</summary>
    int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);
}
