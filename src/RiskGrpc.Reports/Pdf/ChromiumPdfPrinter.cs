using System.Diagnostics;

namespace RiskGrpc.Reports.Pdf;

/// <summary>
/// Prints report HTML to PDF with headless Chromium
/// (<c>chromium --headless --print-to-pdf=OUT --no-pdf-header-footer file://IN</c>), offline. The page's print CSS
/// keeps every chart block on one page.
/// </summary>
public static class ChromiumPdfPrinter
{
    /// <summary>Renders <paramref name="html"/> (UTF-8) to PDF bytes.</summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed.</exception>
    /// <exception cref="InvalidOperationException">Chromium failed or produced no PDF.</exception>
    public static async Task<byte[]> PrintAsync(byte[] html, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var chromium = ChromiumLocator.Find() ?? throw new ChromiumNotFoundException();
        var work = Directory.CreateTempSubdirectory("riskgrpc-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "report.html");
            var output = Path.Combine(work.FullName, "report.pdf");
            await File.WriteAllBytesAsync(input, html, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var a in ChromiumLocator.BaseArguments(Path.Combine(work.FullName, "profile")))
            {
                start.ArgumentList.Add(a);
            }

            start.ArgumentList.Add("--no-pdf-header-footer");
            start.ArgumentList.Add("--print-to-pdf=" + output);
            start.ArgumentList.Add(new Uri(input).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"chromium did not finish printing within {timeout.TotalSeconds:0} s");
            }

            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new InvalidOperationException($"chromium exited with {process.ExitCode} and wrote no PDF: {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; a leftover temp folder is harmless.
            }
        }
    }
}
