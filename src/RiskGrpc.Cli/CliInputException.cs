namespace RiskGrpc.Cli;

/// <summary>Bad command-line input (unknown option, unreadable file, malformed CSV): one line on stderr, exit code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
