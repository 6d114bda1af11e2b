using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RiskGrpc.TestUtils;

/// <summary>
/// A real <c>redis-server</c> for tests: started on a free loopback port with <c>--save '' --appendonly no</c> in a
/// temporary directory, stopped by its PID. <see cref="RestartAsync"/> kills it and starts it again on the same port
/// and directory, so a snapshot taken with <c>SAVE</c> before the restart is loaded again (as after a real crash of a
/// persisted Redis); without one, the restarted server is empty.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    private RedisServerProcess(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; fails the test with a clear message when <c>redis-server</c> is not installed.</summary>
    public static async Task<RedisServerProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("riskgrpc-redis-").FullName;
        var server = new RedisServerProcess(FreePort(), directory);
        await server.LaunchAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Kills the server (by PID) and starts it again on the same port and directory.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        await StopAsync().ConfigureAwait(false);
        await Task.Delay(downtime).ConfigureAwait(false);
        await LaunchAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the server by its PID and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
            process.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory, "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server; .ci/run does it)", ex);
        }

        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!await PingAsync().ConfigureAwait(false))
        {
            if (_process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray()).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
