namespace RiskGrpc.Reports.Pdf;

/// <summary>Finds a Chromium binary: <c>RISKGRPC_CHROMIUM</c>, then <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> on PATH.</summary>
public static class ChromiumLocator
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The binary's path, or null when none is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("RISKGRPC_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Arguments every headless run shares: no network (every host resolves to nothing), no first-run UI, a private
    /// profile, and no sandbox when running as root (Chromium refuses to start as root with it).
    /// </summary>
    public static List<string> BaseArguments(string profileDirectory)
    {
        var args = new List<string>
        {
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--disable-component-update", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=" + profileDirectory,
        };
        if (Environment.UserName == "root")
        {
            args.Add("--no-sandbox");
        }

        return args;
    }
}
