using System.Globalization;

namespace RiskGrpc.LoadClient.Cli;

/// <summary>
/// Reads <c>--name value</c> / <c>--name=value</c> options of one sub-command. Every getter validates and throws
/// <see cref="UsageException"/> with a message naming the option; <see cref="EnsureNoneLeft"/> rejects options that
/// no getter asked for, so a typo never silently falls back to a default.
/// </summary>
internal sealed class ArgReader
{
    private readonly string _command;
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private ArgReader(string command)
    {
        _command = command;
    }

    /// <summary>Splits <paramref name="args"/> into options. A value-less option (a flag) is followed by another option or nothing.</summary>
    public static ArgReader Parse(string command, IReadOnlyList<string> args)
    {
        var reader = new ArgReader(command);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"{command}: unexpected argument '{arg}' (options look like --name value)");
            }

            string name;
            string? value;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else
            {
                name = arg;
                value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }

            if (!reader._options.TryAdd(name, value))
            {
                throw new UsageException($"{command}: option {name} given twice");
            }
        }

        return reader;
    }

    /// <summary>True when the option was given (with or without a value).</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>A value-less switch; giving it a value is an error.</summary>
    public bool GetFlag(string name)
    {
        if (!TryTake(name, out var value))
        {
            return false;
        }

        return value is null ? true : throw new UsageException($"{_command}: {name} takes no value (got '{value}')");
    }

    /// <summary>The option's text, or <paramref name="defaultValue"/> when absent.</summary>
    public string GetString(string name, string defaultValue) => TryTake(name, out var value) ? Require(name, value) : defaultValue;

    /// <summary>The option's text, or null when absent.</summary>
    public string? GetStringOrNull(string name) => TryTake(name, out var value) ? Require(name, value) : null;

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int GetInt(string name, int defaultValue, int min, int max) => (int)GetLong(name, defaultValue, min, max);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long GetLong(string name, long defaultValue, long min, long max)
    {
        if (!TryTake(name, out var raw))
        {
            return defaultValue;
        }

        var text = Require(name, raw);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"{_command}: {name} must be an integer (got '{text}')");
        }

        if (value < min || value > max)
        {
            throw new UsageException($"{_command}: {name} must be between {min} and {max} (got {value})");
        }

        return value;
    }

    /// <summary>A duration such as <c>10s</c>, at least <paramref name="min"/>, or null when absent.</summary>
    public TimeSpan? GetDurationOrNull(string name, TimeSpan min, TimeSpan max)
    {
        if (!TryTake(name, out var raw))
        {
            return null;
        }

        var value = DurationParser.Parse(Require(name, raw), $"{_command}: {name}");
        if (value < min || value > max)
        {
            throw new UsageException($"{_command}: {name} must be between {Format(min)} and {Format(max)} (got {Format(value)})");
        }

        return value;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), returned lower-case.</summary>
    public string GetChoice(string name, string defaultValue, params string[] choices)
    {
        if (!TryTake(name, out var raw))
        {
            return defaultValue;
        }

        var text = Require(name, raw).ToLowerInvariant();
        return Array.IndexOf(choices, text) >= 0
            ? text
            : throw new UsageException($"{_command}: {name} must be one of {string.Join('|', choices)} (got '{raw}')");
    }

    /// <summary>An absolute http:// or https:// URI.</summary>
    public Uri GetHttpUri(string name, string defaultValue)
    {
        var text = GetString(name, defaultValue);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"{_command}: {name} must be an absolute http:// or https:// address (got '{text}')");
        }

        return uri;
    }

    /// <summary>Throws for the first option that no getter consumed.</summary>
    public void EnsureNoneLeft()
    {
        foreach (var name in _options.Keys)
        {
            if (!_consumed.Contains(name))
            {
                throw new UsageException($"{_command}: unknown option {name}");
            }
        }
    }

    private static string Format(TimeSpan value) => value.TotalSeconds >= 1
        ? value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
        : value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";

    private bool TryTake(string name, out string? value)
    {
        _consumed.Add(name);
        return _options.TryGetValue(name, out value);
    }

    private string Require(string name, string? value) =>
        string.IsNullOrEmpty(value) ? throw new UsageException($"{_command}: {name} needs a value") : value;
}
