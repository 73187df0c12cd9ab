// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>
/// One accepted emulator socket as a vendor wire sees it: the handshake's query and headers, the emulator's state, whole-message
/// receive and send, and the scripted socket fault (drop, close with an error code, or stall after N sent messages).
/// </summary>
internal sealed class EmulatorSocketSession : IDisposable
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly EmulatorFault? _fault;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private int _sent;

    public EmulatorSocketSession(HttpContext context, WebSocket socket, string route, EmulatorState state, EmulatorFault? fault, TimeProvider time, CancellationToken stopping)
    {
        _context = context;
        _socket = socket;
        Route = route;
        State = state;
        _fault = fault is { Kind: FaultKind.SocketDropAfterMessages or FaultKind.SocketCloseWithError or FaultKind.SocketStall } ? fault : null;
        _time = time;
        _stopping = stopping;
    }

    /// <summary>Gets the route after the vendor prefix.</summary>
    public string Route { get; }

    /// <summary>Gets the handshake's query string.</summary>
    public IQueryCollection Query => _context.Request.Query;

    /// <summary>Gets the handshake's headers.</summary>
    public IHeaderDictionary Headers => _context.Request.Headers;

    /// <summary>Gets the emulator's answers and settings.</summary>
    public EmulatorState State { get; }

    /// <summary>Gets the number of messages sent to the client so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Receives the client's next whole message; <see langword="null"/> when the client closed.</summary>
    /// <returns>The type and bytes (a copy), or <see langword="null"/>.</returns>
    public async Task<(WebSocketMessageType Type, byte[] Data)?> ReceiveAsync()
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(16 * 1024), _context.RequestAborted).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > MaxMessageBytes)
            {
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big").ConfigureAwait(false);
                throw new EmulatorSocketEndedException("The client sent a message over the emulator's limit.");
            }

            if (result.EndOfMessage)
            {
                return (result.MessageType, _buffer.WrittenSpan.ToArray());
            }
        }
    }

    /// <summary>Sends a JSON message (after the fault check).</summary>
    /// <param name="json">The message.</param>
    /// <returns>A task that completes when it was sent.</returns>
    public Task SendJsonAsync(JsonNode json) => SendAsync(Encoding.UTF8.GetBytes(json.ToJsonString()), WebSocketMessageType.Text);

    /// <summary>Sends a text message (after the fault check).</summary>
    /// <param name="text">The text.</param>
    /// <returns>A task that completes when it was sent.</returns>
    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    /// <summary>Sends a binary message (after the fault check).</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>A task that completes when it was sent.</returns>
    public Task SendBinaryAsync(ReadOnlyMemory<byte> data) => SendAsync(data, WebSocketMessageType.Binary);

    /// <summary>Closes the socket with a code (the vendor's error close, say); a socket already closed is left alone.</summary>
    /// <param name="status">The close code.</param>
    /// <param name="reason">The reason text.</param>
    /// <returns>A task that completes when the close was sent.</returns>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            bounded.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(status, reason, bounded.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                _context.Abort();
            }
        }
    }

    public void Dispose() => _sendLock.Dispose();

    private async Task SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync(_context.RequestAborted).ConfigureAwait(false);
        try
        {
            if (_fault is { } fault && _sent >= fault.Chunks)
            {
                await ApplyFaultAsync(fault).ConfigureAwait(false);
            }

            await _socket.SendAsync(data, type, endOfMessage: true, _context.RequestAborted).ConfigureAwait(false);
            Interlocked.Increment(ref _sent);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ApplyFaultAsync(EmulatorFault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.SocketDropAfterMessages:
                _context.Abort();
                throw new EmulatorSocketEndedException();
            case FaultKind.SocketCloseWithError:
                await CloseAsync((WebSocketCloseStatus)fault.CloseCode, fault.Message ?? "emulated error").ConfigureAwait(false);
                throw new EmulatorSocketEndedException();
            default:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping, _context.RequestAborted))
                {
                    await Task.Delay(fault.StallDuration, _time, linked.Token).ConfigureAwait(false);
                }

                break;
        }
    }
}
