using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports.Demo;
using RiskGrpc.Reports.Pdf;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Reports.Tests.Browser;

/// <summary>
/// The demo report in Debian's headless Chromium with the network blocked: no console error, exception or request
/// leaving the file; light and dark screenshots of the expected size (dark through prefers-color-scheme and through the
/// toggle); no horizontal overflow at phone width; in print layout every chart block fits a page and avoids breaks;
/// and the PDF printed by <see cref="ChromiumPdfPrinter"/> has each chart's title and caption on the same page
/// (<c>pdftotext</c>, Debian's poppler-utils). Skipped when Chromium is not installed (.ci/run installs it).
/// Set RISKGRPC_UPDATE_SCREENSHOT=1 to refresh docs/images/report-{light,dark}.png from this run.
/// </summary>
public sealed class ChromiumReportTests
{
    private const int Width = 1280;

    [Fact]
    public async Task DemoReport_HeadlessChromiumOffline_NoErrorsThemesPrintAndPdfKeepChartsWhole()
    {
        var chromium = ChromiumLocator.Find();
        Assert.SkipWhen(chromium is null, "Chromium is not installed (apt-get install chromium)");
        var documents = new ReportRenderer(MetricsEngine.Create()).Render(DemoReport.Input());
        var folder = Directory.CreateTempSubdirectory("riskgrpc-browser-");
        var file = Path.Combine(folder.FullName, "report.html");
        await File.WriteAllBytesAsync(file, documents.Html!);
        var url = new Uri(file).AbsoluteUri;

        await using (var page = await DevToolsSession.StartAsync(chromium!))
        {
            await page.SendAsync("Runtime.enable");
            await page.SendAsync("Log.enable");
            await page.SendAsync("Page.enable");
            await page.SendAsync("Network.enable");
            await Viewport(page, Width, 900, mobile: false);
            await ColorScheme(page, "light");
            var before = page.Events.Count;
            await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url });
            await page.WaitForEventAsync("Page.loadEventFired", before);

            Assert.Equal(15, (await page.EvaluateAsync("document.querySelectorAll('figure.block svg.chart').length")).GetInt32());
            Assert.Equal("rgb(255, 255, 255)", await Background(page));
            var light = await Screenshot(page, 1400);
            await ColorScheme(page, "dark");
            Assert.Equal("rgb(13, 17, 23)", await Background(page));
            var dark = await Screenshot(page, 1400);
            Assert.NotEqual(light, dark);
            await page.EvaluateAsync("document.getElementById('theme').click()");
            Assert.Equal("rgb(255, 255, 255)", await Background(page));
            await page.EvaluateAsync("document.getElementById('theme').click()");
            Assert.Equal("rgb(13, 17, 23)", await Background(page));
            SaveScreenshots(folder.FullName, light, dark);

            await Viewport(page, 390, 844, mobile: true);
            var overflow = (await page.EvaluateAsync("document.documentElement.scrollWidth")).GetInt32();
            Assert.True(overflow <= 391, $"page is {overflow} px wide at 390 px");

            // Print layout at A4's printable width (210 − 2·12 mm, the narrower paper, so blocks are tallest): each chart
            // block must fit the shorter printable height of A4 and Letter (Letter: 279.4 − 2·12 mm = 964 CSS px).
            await Viewport(page, 703, 1032, mobile: false);
            await page.SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" });
            var blocks = await page.EvaluateAsync(
                "[...document.querySelectorAll('.block')].map(b => ({id: b.id, h: b.getBoundingClientRect().height, avoid: getComputedStyle(b).breakInside}))");
            Assert.True(blocks.GetArrayLength() >= 20);
            foreach (var block in blocks.EnumerateArray())
            {
                Assert.Equal("avoid", block.GetProperty("avoid").GetString());
                if (block.GetProperty("id").GetString()!.StartsWith("fig-", StringComparison.Ordinal))
                {
                    Assert.True(block.GetProperty("h").GetDouble() < 964, $"{block.GetProperty("id")} is {block.GetProperty("h")} px tall, more than a page");
                }
            }

            var problems = page.Events.Where(IsProblem).Select(e => e.Method + " " + e.Params.ToString()).ToArray();
            Assert.Empty(problems);
        }

        var pdf = await ChromiumPdfPrinter.PrintAsync(documents.Html!, TimeSpan.FromMinutes(2));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var pdfFile = Path.Combine(folder.FullName, "report.pdf");
        await File.WriteAllBytesAsync(pdfFile, pdf);
        AssertChartsNotSplit(pdfFile, System.Text.Encoding.UTF8.GetString(documents.Html!));
        folder.Delete(recursive: true);
    }

    private static bool IsProblem((string Method, JsonElement Params) e) => e.Method switch
    {
        "Runtime.exceptionThrown" => true,
        "Runtime.consoleAPICalled" => e.Params.GetProperty("type").GetString() is "error" or "warning" or "assert",
        "Log.entryAdded" => e.Params.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning",
        "Network.requestWillBeSent" => !(e.Params.GetProperty("request").GetProperty("url").GetString() is { } u
            && (u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal) || u.StartsWith("about:", StringComparison.Ordinal))),
        "Network.loadingFailed" => true,
        _ => false,
    };

    private static Task<JsonElement> Viewport(DevToolsSession page, int width, int height, bool mobile) =>
        page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile });

    private static Task<JsonElement> ColorScheme(DevToolsSession page, string scheme) =>
        page.SendAsync("Emulation.setEmulatedMedia", new JsonObject
        {
            ["media"] = "screen",
            ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = scheme }),
        });

    private static async Task<string?> Background(DevToolsSession page) =>
        (await page.EvaluateAsync("getComputedStyle(document.body).backgroundColor")).GetString();

    private static async Task<byte[]> Screenshot(DevToolsSession page, int height)
    {
        var shot = await page.SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = Width, ["height"] = height, ["scale"] = 1 },
        });
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 50_000, $"screenshot is only {png.Length} bytes: blank page?");
        return png;
    }

    private static void SaveScreenshots(string folder, byte[] light, byte[] dark)
    {
        File.WriteAllBytes(Path.Combine(folder, "report-light.png"), light);
        File.WriteAllBytes(Path.Combine(folder, "report-dark.png"), dark);
        if (Environment.GetEnvironmentVariable("RISKGRPC_UPDATE_SCREENSHOT") == "1")
        {
            var docs = Path.Combine(SharedData.RepositoryRoot, "docs", "images");
            Directory.CreateDirectory(docs);
            File.WriteAllBytes(Path.Combine(docs, "report-light.png"), light);
            File.WriteAllBytes(Path.Combine(docs, "report-dark.png"), dark);
        }
    }

    /// <summary>Each figure's heading and its "Fig. N ·" caption must be on the same PDF page, heading above caption.</summary>
    private static void AssertChartsNotSplit(string pdfFile, string html)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-layout", pdfFile, "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext (Debian's poppler-utils) did not start");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
        Assert.Equal(0, process.ExitCode);
        var pages = text.Split('\f');
        Assert.True(pages.Length > 3, $"only {pages.Length} pages");
        for (var figure = 1; figure <= 15; figure++)
        {
            var caption = $"Fig. {figure} ·";
            var captionPage = Array.FindIndex(pages, p => p.Contains(caption, StringComparison.Ordinal));
            Assert.True(captionPage >= 0, caption + " not found in the PDF text");
            var lines = pages[captionPage].Split('\n');
            var captionLine = Array.FindIndex(lines, l => l.Contains(caption, StringComparison.Ordinal));
            var title = System.Text.RegularExpressions.Regex.Match(html, $"<figure class=\"block\" id=\"fig-{figure}\"><h3>([^<]*)</h3>").Groups[1].Value;
            Assert.NotEmpty(title);
            var headingLine = Array.FindLastIndex(lines, captionLine, l => l.Trim() == title);
            Assert.True(headingLine >= 0 && captionLine - headingLine > 5, $"figure {figure} ('{title}'): caption on page {captionPage + 1} line {captionLine}, heading not above it on that page: the chart is split");
        }
    }
}
