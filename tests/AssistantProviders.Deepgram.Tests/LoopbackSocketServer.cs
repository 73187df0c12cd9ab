// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>
/// A one-connection WebSocket server on 127.0.0.1 (BCL only) whose script decides what the "vendor" does. Unlike the emulator's
/// drop fault (an abort, whose TCP reset can discard frames still in flight), <see cref="EndWithoutCloseAsync"/> ends the TCP
/// stream gracefully without a close frame, so every message sent before it is delivered.
/// </summary>
internal sealed class LoopbackSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _run;
    private TcpClient? _client;

    public LoopbackSocketServer(Func<WebSocket, LoopbackSocketServer, Task> script)
    {
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _run = RunAsync(script);
    }

    public Uri Endpoint { get; }

    public List<string> TextReceived { get; } = [];

    public async Task ReceiveUntilAsync(WebSocket socket, string text)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Text)
            {
                var message = Encoding.UTF8.GetString(buffer, 0, result.Count);
                TextReceived.Add(message);
                if (message.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }
        }
    }

    public static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Ends the TCP stream (FIN) without a WebSocket close frame.</summary>
    public void EndWithoutClose() => _client?.Client.Shutdown(SocketShutdown.Send);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _client?.Dispose();
        try
        {
            await _run;
        }
        catch (Exception ex) when (ex is IOException or SocketException or WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The script ended with the connection.
        }
    }

    private async Task RunAsync(Func<WebSocket, LoopbackSocketServer, Task> script)
    {
        _client = await _listener.AcceptTcpClientAsync();
        var stream = _client.GetStream();
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return;
            }

            header.Append((char)one[0]);
        }

        var key = header.ToString().Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
#pragma warning disable CA5350 // SHA-1 is what RFC 6455 prescribes for the handshake
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
        await script(socket, this);
    }
}
