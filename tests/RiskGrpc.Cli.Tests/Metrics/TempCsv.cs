namespace RiskGrpc.Cli.Tests.Metrics;

/// <summary>A temporary folder of CSV files, deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("riskgrpc-cli-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string name, IEnumerable<double> values) =>
        Write(name, string.Join('\n', values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\n");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
