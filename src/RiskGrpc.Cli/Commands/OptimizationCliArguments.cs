using System.Globalization;
using RiskGrpc.Optimization;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// Parses <c>--name value</c> options and bare <c>--flag</c> switches for the optimization commands. Unknown options,
/// missing values and malformed numbers throw <see cref="OptimizationException"/> (InvalidInput) with one clear line.
/// </summary>
internal sealed class OptimizationCliArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public OptimizationCliArguments(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (flagOptions.Contains(a))
            {
                _flags.Add(a);
            }
            else if (valueOptions.Contains(a))
            {
                if (i + 1 >= args.Count)
                {
                    throw Bad($"option {a} needs a value");
                }

                if (!_values.TryGetValue(a, out var list))
                {
                    _values[a] = list = [];
                }

                list.Add(args[++i]);
            }
            else
            {
                throw Bad($"unknown option '{a}'");
            }
        }
    }

    public bool Has(string option) => _values.ContainsKey(option) || _flags.Contains(option);

    public bool Flag(string option) => _flags.Contains(option);

    public string? Value(string option) => _values.TryGetValue(option, out var v) ? v[^1] : null;

    /// <summary><c>--format</c>, one of <paramref name="allowed"/> (the first is the default); anything else is bad input.</summary>
    public string Format(params string[] allowed)
    {
        var format = Value("--format") ?? allowed[0];
        return allowed.Contains(format) ? format : throw Bad($"--format must be {string.Join(", ", allowed[..^1])} or {allowed[^1]}; got '{format}'");
    }

    public IReadOnlyList<string> Values(string option) => _values.TryGetValue(option, out var v) ? v : [];

    public string Required(string option) => Value(option) ?? throw Bad($"option {option} is required");

    public double? Number(string option)
    {
        var text = Value(option);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Bad($"option {option} expects a number, got '{text}'");
    }

    public static OptimizationException Bad(string message) => new(OptimizationErrorKind.InvalidInput, message);
}
