// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (a loopback WebSocket): navigate with extra request
/// headers, evaluate script in the page, take a PNG screenshot. No test-tool browser download; no network beyond loopback
/// (background networking, sync, component updates and QUIC are off, as this machine's closed network needs).
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Finds Chromium: <c>CHROMIUM_PATH</c>, else Debian's and Google's usual paths; <see langword="null"/> when absent.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return Candidates.FirstOrDefault(File.Exists);
    }

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("ap-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,1600", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start: " + executable);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Chromium writes the port it picked and the browser's WebSocket path into the profile when it is ready.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ready.CancelAfter(TimeSpan.FromSeconds(60));
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it opened its DevTools port.");
                }

                await Task.Delay(100, ready.Token);
                if (File.Exists(portFile))
                {
                    lines = (await File.ReadAllLinesAsync(portFile, ready.Token)).Where(l => l.Length > 0).ToArray();
                }
            }

            var port = int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), ready.Token))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), ready.Token);
            return new HeadlessChromium(process, profile, socket);
        }
        catch
        {
            Kill(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Sends one DevTools command and returns its <c>result</c>; a protocol error throws.</summary>
    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var response = await reply.Task.WaitAsync(timeout.Token);
        if (response["error"] is { } error)
        {
            throw new InvalidOperationException($"DevTools {method} failed: {error.ToJsonString()}");
        }

        return response["result"] ?? new JsonObject();
    }

    /// <summary>Navigates with extra request headers (sent on every request of the page, reloads included) and waits for the load event.</summary>
    public async Task NavigateAsync(Uri url, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        await SendAsync("Network.enable", null, cancellationToken);
        var h = new JsonObject();
        foreach (var (name, value) in headers)
        {
            h[name] = value;
        }

        await SendAsync("Network.setExtraHTTPHeaders", new JsonObject { ["headers"] = h }, cancellationToken);
        await SendAsync("Page.enable", null, cancellationToken);
        var loadsBefore = _events.Count(e => e == "Page.loadEventFired");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (_events.Count(e => e == "Page.loadEventFired") <= loadsBefore)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value (JSON-serializable results only).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        if (result["exceptionDetails"] is { } details)
        {
            throw new InvalidOperationException("Script failed in the page: " + details.ToJsonString());
        }

        return result["result"]?["value"];
    }

    /// <summary>Takes a PNG screenshot of the whole page.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, cancellationToken);
        return Convert.FromBase64String((string)result["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, close.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser is killed next anyway.
        }

        _socket.Dispose();
        Kill(_process);
        try
        {
            await _receiver.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or WebSocketException)
        {
            // The receive loop ends with the socket.
        }

        _process.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
        TryDelete(_profile);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length));
                message.SetLength(0);
                if (node?["id"] is { } id && _pending.TryRemove((int)id, out var reply))
                {
                    reply.TrySetResult(node);
                }
                else if (node?["method"] is { } method)
                {
                    _events.Enqueue((string)method!);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
            // Stopped, or the browser went away: pending commands fail below.
        }

        foreach (var (_, reply) in _pending)
        {
            reply.TrySetException(new InvalidOperationException("The DevTools connection closed."));
        }
    }
}
