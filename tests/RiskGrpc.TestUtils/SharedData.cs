namespace RiskGrpc.TestUtils;

/// <summary>Locates the read-only <c>shared/</c> folder that sits beside the repository checkout.</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of <c>../shared/data</c> relative to the repository root.</summary>
    public static string DataDirectory => Path.Combine(Root.Value, "data");

    /// <summary>Absolute path of a file under <c>../shared/data</c>.</summary>
    public static string DataFile(string name) => Path.Combine(DataDirectory, name);

    /// <summary>The repository root: the first ancestor of the test binary that holds RiskGrpc.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RiskGrpc.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("RiskGrpc.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("RISKGRPC_SHARED_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        if (!Directory.Exists(Path.Combine(candidate, "data")))
        {
            throw new DirectoryNotFoundException($"Expected the shared data folder at {candidate}/data (set RISKGRPC_SHARED_DIR to override).");
        }

        return candidate;
    }
}
