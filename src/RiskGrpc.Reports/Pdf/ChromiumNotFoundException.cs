namespace RiskGrpc.Reports.Pdf;

/// <summary>PDF output was asked for but no headless Chromium is installed.</summary>
public sealed class ChromiumNotFoundException : Exception
{
    /// <summary>The message names the Debian package to install.</summary>
    public ChromiumNotFoundException()
        : base("PDF output needs headless Chromium, which is not installed: install Debian's 'chromium' package (apt-get install chromium) or put a chromium binary on PATH (RISKGRPC_CHROMIUM=/path/to/chromium also works).")
    {
    }

    /// <inheritdoc />
    public ChromiumNotFoundException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public ChromiumNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
