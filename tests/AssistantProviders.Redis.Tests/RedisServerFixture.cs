// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssistantProviders.Redis.Tests;

/// <summary>
/// Starts a real redis-server on a free loopback port with no persistence, and stops it at the end. When the binary is
/// absent, <see cref="SkipIfUnavailable"/> skips the test (CI installs it: apt-get install -y redis-server).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"];
    private Process? _process;

    public string? Binary { get; } = FindBinary();

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public string? StartError { get; private set; }

    public void SkipIfUnavailable()
    {
        if (Binary is null)
        {
            Assert.Skip("redis-server is not installed (install it with: apt-get install -y redis-server). The Redis tests need a real server.");
        }

        if (StartError is not null)
        {
            Assert.Fail("redis-server is installed but did not start: " + StartError);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Binary is null)
        {
            return;
        }

        Port = FreePort();
        try
        {
            await StartAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            StartError = ex.Message;
        }
    }

    /// <summary>Kills the server (no shutdown, no save): what a crash or a network cut looks like to clients.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port (empty: there is no persistence).</summary>
    public Task RestartAsync()
    {
        Kill();
        return StartAsync();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync()
    {
        var info = new ProcessStartInfo(Binary!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--daemonize", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Wait until it answers PING (bounded: this waits for an external process, it asserts no timing).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}.");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("redis-server did not answer PING within 20 seconds.");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
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

    private static string? FindBinary()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Candidates.FirstOrDefault(File.Exists);
    }
}
