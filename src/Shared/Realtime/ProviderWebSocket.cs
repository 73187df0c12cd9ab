// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AssistantProviders.Shared;

/// <summary>
/// The one WebSocket client core every live vendor socket uses (Deepgram and AssemblyAI live transcription, ElevenLabs
/// <c>stream-input</c>). It keeps the HTTP transport's rules: the address passes <see cref="ProviderEndpointPolicy"/>
/// (<c>ws</c> as <c>http</c>, <c>wss</c> as <c>https</c>), redirects are never followed, the handshake is bounded by
/// <see cref="ProviderClientOptions.Timeout"/>, a refused handshake becomes the same typed error an HTTP status would, keys are
/// scrubbed from every message, each received message is capped at <see cref="ProviderClientOptions.MaxEventBytes"/>, a socket
/// that goes quiet for <see cref="IdleTimeout"/> or lives past <see cref="ProviderClientOptions.MaxStreamDuration"/> is a
/// <see cref="ProviderTimeoutException"/>, and a socket that drops without a close handshake is an
/// <see cref="IncompleteStreamException"/>, never a normal end.
/// </summary>
/// <remarks>Sends are serialized (the keep-alive timer and the audio pump may send at once); receives must come from one reader.</remarks>
internal sealed class ProviderWebSocket : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly ProviderTransport _transport;
    private readonly string? _modelId;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private ITimer? _keepAlive;
    private long _lastSendTimestamp;
    private int _disposed;

    private ProviderWebSocket(ClientWebSocket socket, HttpMessageInvoker invoker, ProviderTransport transport, string? modelId, CancellationTokenSource lifetime)
    {
        _socket = socket;
        _invoker = invoker;
        _transport = transport;
        _modelId = modelId;
        _lifetime = lifetime;
        IdleTimeout = transport.Options.Timeout;
        _lastSendTimestamp = transport.TimeProvider.GetTimestamp();
    }

    /// <summary>Gets or sets how long <see cref="ReceiveAsync"/> waits for the next message before it fails (the options' timeout by default).</summary>
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>Gets the number of whole messages received so far.</summary>
    public int MessagesReceived { get; private set; }

    /// <summary>Gets the close code the server sent, once it closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Gets the close reason the server sent, scrubbed of the keys.</summary>
    public string? CloseDescription => _transport.Redact(_socket.CloseStatusDescription);

    /// <summary>Gets a value indicating whether the socket is open for sending.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Turns an http(s) address into the ws(s) address of the same host and path.</summary>
    /// <param name="address">The http or https address.</param>
    /// <returns>The ws or wss address.</returns>
    public static Uri ToSocketUri(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var scheme = address.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : address.Scheme == Uri.UriSchemeHttp ? Uri.UriSchemeWs : address.Scheme;
        return new UriBuilder(address) { Scheme = scheme, Port = address.IsDefaultPort ? -1 : address.Port }.Uri;
    }

    /// <summary>Opens a socket to <paramref name="socketUri"/> with the transport's key, limits and policy.</summary>
    /// <param name="transport">The vendor's transport (descriptor, options, key, logger, clock).</param>
    /// <param name="socketUri">The <c>ws</c> or <c>wss</c> address, query included.</param>
    /// <param name="modelId">The model, for errors.</param>
    /// <param name="authenticate">Puts the key on the handshake (a header, usually); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The open socket.</returns>
    public static async Task<ProviderWebSocket> ConnectAsync(
        ProviderTransport transport, Uri socketUri, string? modelId, Action<ClientWebSocketOptions, string>? authenticate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(socketUri);
        var descriptor = transport.Descriptor;
        if (!socketUri.IsAbsoluteUri || (socketUri.Scheme != Uri.UriSchemeWs && socketUri.Scheme != Uri.UriSchemeWss))
        {
            throw new ArgumentException($"The {descriptor.DisplayName} socket address must be ws:// or wss://.", nameof(socketUri));
        }

        var asHttp = new UriBuilder(socketUri) { Scheme = socketUri.Scheme == Uri.UriSchemeWss ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, Port = socketUri.IsDefaultPort ? -1 : socketUri.Port }.Uri;
        if (!ProviderEndpointPolicy.IsAllowed(asHttp, descriptor.Locality, out var policyError))
        {
            throw new ArgumentException($"{descriptor.DisplayName} socket endpoint rejected: {policyError}", nameof(socketUri));
        }

        var key = transport.Key;
        if (descriptor.RequiresApiKey && key is null)
        {
            throw transport.MissingKey(modelId);
        }

        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (key is not null && authenticate is not null)
        {
            authenticate(socket.Options, key.Reveal());
        }

        var invoker = new HttpMessageInvoker(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = Positive(transport.Options.Timeout) });
        var lifetime = new CancellationTokenSource(Positive(transport.Options.MaxStreamDuration), transport.TimeProvider);
        var limit = Positive(transport.Options.Timeout);
        using var handshake = new CancellationTokenSource(limit, transport.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, handshake.Token);
        try
        {
            SharedLog.Sending(transport.Logger, descriptor.Id, "GET", socketUri.AbsolutePath, modelId);
            await socket.ConnectAsync(socketUri, invoker, linked.Token).ConfigureAwait(false);
            return new ProviderWebSocket(socket, invoker, transport, modelId, lifetime);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var status = (int)socket.HttpStatusCode;
            var headers = socket.HttpResponseHeaders;
            socket.Dispose();
            invoker.Dispose();
            lifetime.Dispose();
            if (ex is OperationCanceledException)
            {
                throw transport.TimeoutError(modelId, limit, ex);
            }

            if (status is >= 300 and not 101)
            {
                using var response = new HttpResponseMessage((HttpStatusCode)status);
                foreach (var (name, values) in headers ?? new Dictionary<string, IEnumerable<string>>())
                {
                    response.Headers.TryAddWithoutValidation(name, values);
                }

                var error = ProviderErrorMapper.FromHttp(descriptor, status, response.Headers, null, modelId, key, transport.TimeProvider.GetUtcNow());
                SharedLog.Failed(transport.Logger, descriptor.Id, status, error.ErrorCode, error.RequestId);
                throw error;
            }

            throw transport.NetworkError(modelId, ex);
        }
        catch
        {
            socket.Dispose();
            invoker.Dispose();
            lifetime.Dispose();
            throw;
        }
    }

    /// <summary>Sends a text message.</summary>
    /// <param name="text">The text (usually JSON).</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed to the socket.</returns>
    public Task SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Serializes <paramref name="value"/> with source-generated metadata and sends it as a text message.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="value">The message.</param>
    /// <param name="typeInfo">Its JSON metadata.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed to the socket.</returns>
    public Task SendJsonAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Sends a binary message (audio).</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed to the socket.</returns>
    public Task SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        SendAsync(data, WebSocketMessageType.Binary, cancellationToken);

    /// <summary>
    /// Receives the next whole message. Returns <see langword="null"/> once the server has closed with a normal close (1000);
    /// any other close code is a typed error carrying the code and the (scrubbed) reason.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait (the socket is aborted).</param>
    /// <returns>The message, or <see langword="null"/> after a normal close.</returns>
    public async ValueTask<ProviderSocketMessage?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _buffer.ResetWrittenCount();
        using var idle = new CancellationTokenSource(Positive(IdleTimeout), _transport.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token, _lifetime.Token);
        var max = Math.Max(1, _transport.Options.MaxEventBytes);
        try
        {
            while (true)
            {
                if (_socket.State is WebSocketState.CloseReceived or WebSocketState.Closed)
                {
                    return Closed();
                }

                var memory = _buffer.GetMemory(Math.Min(16 * 1024, max + 1 - _buffer.WrittenCount));
                var result = await _socket.ReceiveAsync(memory, linked.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return Closed();
                }

                _buffer.Advance(result.Count);
                if (_buffer.WrittenCount > max)
                {
                    _socket.Abort();
                    throw new ResponseTooLargeException($"A {_transport.Descriptor.DisplayName} socket message exceeded the {max}-byte limit (MaxEventBytes).")
                    {
                        ProviderId = _transport.Descriptor.Id,
                        ModelId = _modelId,
                    };
                }

                if (result.EndOfMessage)
                {
                    MessagesReceived++;
                    return new ProviderSocketMessage(result.MessageType, _buffer.WrittenMemory);
                }
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _socket.Abort();
            throw _transport.TimeoutError(_modelId, _lifetime.IsCancellationRequested ? _transport.Options.MaxStreamDuration : IdleTimeout, ex);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException)
        {
            throw _transport.Incomplete(_modelId, $"the socket dropped without a close handshake after {MessagesReceived} messages", ex);
        }
    }

    /// <summary>
    /// Sends <paramref name="text"/> whenever nothing was sent for <paramref name="interval"/> (Deepgram's <c>KeepAlive</c>, say),
    /// on the transport's clock, until the socket closes. A failed keep-alive send is left for the next receive to report.
    /// </summary>
    /// <param name="interval">The quiet time after which the keep-alive is sent.</param>
    /// <param name="text">The keep-alive message.</param>
    public void StartKeepAlive(TimeSpan interval, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var bytes = Encoding.UTF8.GetBytes(text);
        _keepAlive?.Dispose();
        _keepAlive = _transport.TimeProvider.CreateTimer(_ => _ = KeepAliveAsync(interval, bytes), null, interval, interval);
    }

    /// <summary>Closes the socket cleanly (1000) and waits, bounded, for the server's close; never throws for a socket already gone.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the socket is closed.</returns>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        _keepAlive?.Dispose();
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var bounded = new CancellationTokenSource(CloseTimeout, _transport.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bounded.Token);
        await _sendLock.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            _socket.Abort();
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Aborts the socket (no handshake) and releases it.</summary>
    /// <returns>A task that completes when the socket is released.</returns>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        _keepAlive?.Dispose();
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }

        _socket.Dispose();
        _invoker.Dispose();
        _lifetime.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private static TimeSpan Positive(TimeSpan limit) =>
        limit > TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan ? limit : Timeout.InfiniteTimeSpan;

    private async Task SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await _sendLock.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                throw _transport.Incomplete(_modelId, $"the socket was closed by the server (code {Code()}) while the request was still being sent");
            }

            await _socket.SendAsync(data, type, endOfMessage: true, linked.Token).ConfigureAwait(false);
            Volatile.Write(ref _lastSendTimestamp, _transport.TimeProvider.GetTimestamp());
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _socket.Abort();
            throw _transport.TimeoutError(_modelId, _transport.Options.MaxStreamDuration, ex);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            throw _transport.Incomplete(_modelId, $"the socket dropped while sending after {MessagesReceived} messages received", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task KeepAliveAsync(TimeSpan interval, byte[] bytes)
    {
        if (_disposed != 0 || _socket.State != WebSocketState.Open ||
            _transport.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastSendTimestamp)) < interval)
        {
            return;
        }

        try
        {
            await SendAsync(bytes, WebSocketMessageType.Text, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AssistantProviderException or ObjectDisposedException or OperationCanceledException)
        {
            // The reader sees the broken socket on its next receive and reports it there.
        }
    }

    private ProviderSocketMessage? Closed()
    {
        var status = _socket.CloseStatus;
        if (status is null or WebSocketCloseStatus.NormalClosure)
        {
            return null;
        }

        throw CloseError((int)status.Value, CloseDescription);
    }

    private string Code() => _socket.CloseStatus is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "none";

    private AssistantProviderException CloseError(int code, string? reason)
    {
        // Vendors put their own codes in 4000-4999 (4001 not authorised, 4029 too many sessions, ...), mirroring HTTP; 1008 is a
        // policy violation (bad audio, bad parameters), 1011 a server error.
        int? status = code switch
        {
            4001 or 4401 => 401,
            4002 or 4402 => 402,
            4003 or 4403 => 403,
            4029 or 4429 => 429,
            1008 or 1003 or 1007 or 4000 or 4400 => 400,
            1011 or 1014 or 4500 => 500,
            1012 or 1013 or 4503 => 503,
            _ => null,
        };
        var message = string.IsNullOrWhiteSpace(reason) ? $"the socket was closed with code {code}" : reason;
        var error = ProviderErrorMapper.FromMessage(_transport.Descriptor, message, "ws-" + code.ToString(CultureInfo.InvariantCulture), _modelId, _transport.Key, status);
        SharedLog.Failed(_transport.Logger, _transport.Descriptor.Id, status ?? code, error.ErrorCode, error.RequestId);
        return error;
    }
}
