// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace AssistantProviders.Shared.Tests.Support;

/// <summary>
/// A WebSocket server on 127.0.0.1 (HttpListener) that runs one script per connection, or answers the handshake with a status
/// instead, and records the handshake headers. For <see cref="ProviderWebSocket"/> tests.
/// </summary>
internal sealed class LoopbackSocketServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<WebSocket, Action, Task>? _script;
    private readonly (int Status, IReadOnlyDictionary<string, string> Headers)? _refuse;
    private readonly Task _loop;

    private LoopbackSocketServer(Func<WebSocket, Action, Task>? script, (int, IReadOnlyDictionary<string, string>)? refuse)
    {
        _script = script;
        _refuse = refuse;
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Address = new Uri($"ws://127.0.0.1:{port}/v1/listen");
        _loop = Task.Run(LoopAsync);
    }

    public Uri Address { get; }

    public ConcurrentQueue<IReadOnlyDictionary<string, string?>> Handshakes { get; } = new();

    public static LoopbackSocketServer Run(Func<WebSocket, Task> script) => new((ws, _) => script(ws), null);

    /// <summary>Runs a script that may drop the TCP connection (no close handshake) with the action it is given.</summary>
    public static LoopbackSocketServer Run(Func<WebSocket, Action, Task> script) => new(script, null);

    public static LoopbackSocketServer Refuse(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(null, (status, headers ?? new Dictionary<string, string>()));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Handshakes.Enqueue(context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k], StringComparer.OrdinalIgnoreCase));
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        if (_refuse is { } refuse)
        {
            context.Response.StatusCode = refuse.Status;
            foreach (var (name, value) in refuse.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.Close();
            return;
        }

        var accepted = await context.AcceptWebSocketAsync(null).ConfigureAwait(false);
        try
        {
            await _script!(accepted.WebSocket, context.Response.Abort).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
