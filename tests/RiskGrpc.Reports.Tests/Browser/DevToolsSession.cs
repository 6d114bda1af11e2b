using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskGrpc.Reports.Pdf;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Reports.Tests.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over a headless Chromium started with <c>--remote-debugging-port=0</c> and no
/// network (every host resolves to nothing): one page target attached in flat mode, commands awaited by id, events kept
/// in order for the test to inspect (console calls, exceptions, log entries, requests).
/// </summary>
internal sealed class DevToolsSession : IAsyncDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly CancellationTokenSource stop = new();
    private readonly string profile;
    private Task? receiver;
    private int nextId;
    private string? sessionId;

    private DevToolsSession(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Every event received, in order (method, params).</summary>
    public ConcurrentQueue<(string Method, JsonElement Params)> Events { get; } = new();

    /// <summary>Starts Chromium and attaches to a blank page.</summary>
    public static async Task<DevToolsSession> StartAsync(string chromium)
    {
        var profile = Directory.CreateTempSubdirectory("riskgrpc-cdp-").FullName;
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in ChromiumLocator.BaseArguments(Path.Combine(profile, "p")))
        {
            start.ArgumentList.Add(a);
        }

        start.ArgumentList.Add("--remote-debugging-port=0");
        start.ArgumentList.Add("--hide-scrollbars");
        start.ArgumentList.Add("about:blank");
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        var session = new DevToolsSession(process, profile);
        var url = await ReadDevToolsUrlAsync(process).DefaultTimeout();
        await session.socket.ConnectAsync(new Uri(url), CancellationToken.None).DefaultTimeout();
        session.receiver = Task.Run(session.ReceiveLoopAsync);
        var target = await session.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await session.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, browserLevel: true);
        session.sessionId = attached.GetProperty("sessionId").GetString();
        return session;
    }

    /// <summary>Sends a command to the page (or the browser) and returns its result; a protocol error throws.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (!browserLevel)
        {
            message["sessionId"] = sessionId;
        }

        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = done;
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).DefaultTimeout();
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException($"{expression}: {error}");
        }

        // undefined (a statement's value) has no "value" member.
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Waits for an event whose method is <paramref name="method"/>, received after <paramref name="skip"/> earlier events.</summary>
    public async Task WaitForEventAsync(string method, int skip)
    {
        var deadline = Stopwatch.StartNew();
        while (!Events.Skip(skip).Any(e => e.Method == method))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("no " + method);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or ObjectDisposedException or OperationCanceledException)
        {
            // The browser is killed next either way.
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        socket.Dispose();
        stop.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold files for a moment; a temp folder left behind is harmless.
        }
    }

    private static async Task<string> ReadDevToolsUrlAsync(Process process)
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            var at = line.IndexOf("ws://", StringComparison.Ordinal);
            if (line.StartsWith("DevTools listening on", StringComparison.Ordinal) && at >= 0)
            {
                _ = process.StandardError.ReadToEndAsync();
                return line[at..].Trim();
            }
        }

        throw new InvalidOperationException("chromium exited without a DevTools endpoint");
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                using (var doc = JsonDocument.Parse(message.ToArray()))
                {
                    var root = doc.RootElement;
                    if (root.TryGetProperty("id", out var idElement) && pending.TryRemove(idElement.GetInt32(), out var waiter))
                    {
                        if (root.TryGetProperty("error", out var error))
                        {
                            waiter.SetException(new InvalidOperationException("CDP error: " + error));
                        }
                        else
                        {
                            waiter.SetResult(root.GetProperty("result").Clone());
                        }
                    }
                    else if (root.TryGetProperty("method", out var method))
                    {
                        Events.Enqueue((method.GetString()!, root.TryGetProperty("params", out var p) ? p.Clone() : default));
                    }
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }

        foreach (var waiter in pending.Values)
        {
            waiter.TrySetException(new InvalidOperationException("DevTools connection closed"));
        }
    }
}
