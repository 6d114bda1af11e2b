using System.Globalization;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Cli;

/// <summary>Option-value helpers shared by the commands' parsers; failures are <see cref="CliInputException"/>s naming the option.</summary>
internal static class CliArguments
{
    /// <summary>The value after option <c>args[i]</c>; advances <paramref name="i"/>.</summary>
    public static string Value(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliInputException($"{name} needs a value");
        }

        return args[++i];
    }

    /// <summary>A finite invariant-culture number.</summary>
    public static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliInputException($"{name} must be a finite number, got '{text}'");

    /// <summary>reject | skip | zero.</summary>
    public static MetricsNanPolicy NanPolicy(string text) => text switch
    {
        "reject" => MetricsNanPolicy.Reject,
        "skip" => MetricsNanPolicy.Skip,
        "zero" => MetricsNanPolicy.Zero,
        var other => throw new CliInputException($"--nan-policy must be reject, skip or zero, got '{other}'"),
    };
}
