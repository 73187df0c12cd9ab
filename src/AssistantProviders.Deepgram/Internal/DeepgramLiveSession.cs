// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>
/// One live transcription over the <c>/v1/listen</c> WebSocket. The audio pump sends binary frames at the pace the source is read
/// (a keep-alive fills the gaps) and, at the end, <c>Finalize</c> (when asked) and <c>CloseStream</c>; the reader maps the server's
/// messages until the server closes after its closing <c>Metadata</c>. A close before that answer, a drop, or a close with an error
/// code is a typed error carrying the final text received so far; cancellation closes the socket cleanly.
/// </summary>
internal sealed class DeepgramLiveSession
{
    private readonly ProviderTransport _transport;
    private readonly DeepgramClientOptions _options;
    private readonly string _model;
    private readonly SpeechToTextOptions? _requestOptions;
    private readonly StringBuilder _finalText = new();
    private double _secondsHeard;
    private long _bytesSent;
    private volatile bool _closeStreamSent;
    private bool _closingMetadata;

    public DeepgramLiveSession(ProviderTransport transport, DeepgramClientOptions options, string model, SpeechToTextOptions? requestOptions)
    {
        _transport = transport;
        _options = options;
        _model = model;
        _requestOptions = requestOptions;
    }

    public async IAsyncEnumerable<SpeechToTextResponseUpdate> RunAsync(Stream audio, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var properties = _requestOptions?.AdditionalProperties;
        var (encoding, _) = DeepgramQuery.RawAudio(properties, _model);
        var chunk = new byte[Math.Clamp(_options.StreamingChunkBytes, 256, 1024 * 1024)];
        var first = await audio.ReadAtLeastAsync(chunk, Math.Min(512, chunk.Length), throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (first == 0)
        {
            throw DeepgramErrors.EmptyAudio(_model);
        }

        if (encoding is null && DeepgramQuery.Get(properties, DeepgramPropertyNames.ContentType) is null && AudioHead.MediaTypeOf(chunk.AsSpan(0, first)) is null)
        {
            throw DeepgramErrors.UnsupportedFormat(_model);
        }

        var socketBase = DeepgramProvider.StreamingEndpointFor(_options, _transport.Endpoint);
        var uri = new Uri(socketBase, "v1/listen?" + DeepgramQuery.Listen(_requestOptions, _model, live: true));
        var socket = await ProviderWebSocket.ConnectAsync(_transport, uri, _model, DeepgramProvider.AuthenticateSocket, cancellationToken).ConfigureAwait(false);
        Log.LiveOpened(_transport.Logger, _model);
        using var pumpCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? pump = null;
        try
        {
            socket.IdleTimeout = _options.StreamingIdleTimeout > TimeSpan.Zero ? _options.StreamingIdleTimeout : _transport.Options.Timeout;
            socket.StartKeepAlive(_options.KeepAliveInterval > TimeSpan.Zero ? _options.KeepAliveInterval : TimeSpan.FromSeconds(3), DeepgramControlMessage.KeepAliveJson);
            var finalize = DeepgramQuery.Flag(properties, DeepgramPropertyNames.Finalize);
            pump = PumpAsync(socket, audio, chunk, first, finalize, pumpCancel.Token);
            yield return new SpeechToTextResponseUpdate
            {
                Kind = SpeechToTextResponseUpdateKind.SessionOpen,
                ModelId = _model,
                AdditionalProperties = new() { [AssistantProviderProperties.Provider] = DeepgramProvider.Id },
            };

            // Cancellation closes the socket cleanly; the pending receive then sees the close and the loop throws OperationCanceledException.
            using var registration = cancellationToken.Register(static s => _ = ((ProviderWebSocket)s!).CloseAsync(CancellationToken.None), socket);
            while (true)
            {
                var next = await NextAsync(socket, pump, cancellationToken).ConfigureAwait(false);
                if (next.Done)
                {
                    break;
                }

                if (next.Update is { } update)
                {
                    yield return update;
                }
            }

            await pump.ConfigureAwait(false);
            Log.LiveClosed(_transport.Logger, socket.MessagesReceived, _secondsHeard);
        }
        finally
        {
            await pumpCancel.CancelAsync().ConfigureAwait(false);
            if (pump is not null)
            {
                try
                {
                    await pump.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is AssistantProviderException or OperationCanceledException or IOException or ObjectDisposedException)
                {
                    // Already reported by the reader (or the caller stopped early).
                }
            }

            // Also when the server closed first (CloseReceived): answering its close completes the handshake instead of aborting.
            await socket.CloseAsync(CancellationToken.None).ConfigureAwait(false);

            await socket.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Receives and maps the next message; errors become typed exceptions carrying the final text so far.</summary>
    private async Task<(bool Done, SpeechToTextResponseUpdate? Update)> NextAsync(ProviderWebSocket socket, Task pump, CancellationToken cancellationToken)
    {
        ProviderSocketMessage? message;
        try
        {
            message = await socket.ReceiveAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pump.IsFaulted && pump.Exception?.InnerException is AssistantProviderException pumpError and not IncompleteStreamException)
            {
                throw WithPartial(pumpError);
            }

            throw WithPartial(ex);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (message is not { } m)
        {
            if (pump.IsFaulted && pump.Exception?.InnerException is { } pumpFailure)
            {
                throw pumpFailure is AssistantProviderException typed ? WithPartial(typed) : WithPartial(_transport.Incomplete(_model, "the audio source failed", pumpFailure));
            }

            if (!_closeStreamSent || !_closingMetadata)
            {
                throw WithPartial(_transport.Incomplete(
                    _model,
                    _closeStreamSent ? $"the socket closed after {socket.MessagesReceived} messages without the closing Metadata" : "the server closed the socket before the audio was sent"));
            }

            return (true, null);
        }

        if (!m.IsText)
        {
            return (false, null);
        }

        return (false, Map(m));
    }

    private SpeechToTextResponseUpdate? Map(ProviderSocketMessage message)
    {
        string? type;
        var data = message.Data.Span;
        try
        {
            type = MessageType(data);
        }
        catch (JsonException ex)
        {
            throw WithPartial(_transport.InvalidResponse(_model, "a live message was not valid JSON", ex));
        }

        try
        {
            switch (type)
            {
                case "Results":
                    var results = JsonSerializer.Deserialize(data, DeepgramJsonContext.Default.DeepgramLiveResults)!;
                    var update = DeepgramMapper.ToUpdate(results, _model);
                    if (results.IsFinal == true)
                    {
                        if (update?.Text is { Length: > 0 } text)
                        {
                            _finalText.Append(_finalText.Length > 0 ? " " : string.Empty).Append(text);
                        }

                        if (results.Start is { } start && results.Duration is { } duration)
                        {
                            _secondsHeard = Math.Max(_secondsHeard, start + duration);
                        }
                    }

                    return update;
                case "Metadata":
                    _closingMetadata = _closeStreamSent;
                    return _closeStreamSent
                        ? DeepgramMapper.ToClose(JsonSerializer.Deserialize(data, DeepgramJsonContext.Default.DeepgramLiveMetadata)!, _model, _secondsHeard)
                        : null;
                case "SpeechStarted" or "UtteranceEnd":
                    return DeepgramMapper.ToEvent(JsonSerializer.Deserialize(data, DeepgramJsonContext.Default.DeepgramLiveEvent)!, _model);
                case "Error":
                    var error = JsonSerializer.Deserialize(data, DeepgramJsonContext.Default.DeepgramLiveEvent)!;
                    throw WithPartial(ProviderErrorMapper.FromMessage(
                        _transport.Descriptor, error.Description ?? error.Message ?? "the live session failed", error.Variant ?? "error", _model, _transport.Key));
                default:
                    Log.LiveIgnored(_transport.Logger, type ?? "(none)");
                    return null;
            }
        }
        catch (JsonException ex)
        {
            throw WithPartial(_transport.InvalidResponse(_model, $"a live {type} message did not have the expected shape", ex));
        }
    }

    /// <summary>
    /// The top-level <c>type</c> of a live message, read in one pass over its UTF-8 bytes that also checks the whole message
    /// is valid JSON (the message is then deserialized once, from the same bytes). <see langword="null"/> when the message is
    /// not an object or has no string <c>type</c>.
    /// </summary>
    internal static string? MessageType(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read())
        {
            throw new JsonException("The message is empty.");
        }

        string? type = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = type is null && reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            reader.Skip();
        }

        // Whatever follows the value must be nothing: a trailing token or a truncated message is invalid JSON.
        while (reader.Read())
        {
        }

        return type;
    }

    private async Task PumpAsync(ProviderWebSocket socket, Stream audio, byte[] chunk, int first, bool finalize, CancellationToken cancellationToken)
    {
        var count = first;
        while (count > 0)
        {
            await socket.SendBinaryAsync(chunk.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            _bytesSent += count;
            count = await audio.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        if (finalize)
        {
            await socket.SendJsonAsync(DeepgramControlMessage.Finalize, DeepgramJsonContext.Default.DeepgramControlMessage, cancellationToken).ConfigureAwait(false);
        }

        // Set before the send: the server may answer with its closing Metadata before the send returns.
        _closeStreamSent = true;
        await socket.SendJsonAsync(DeepgramControlMessage.CloseStream, DeepgramJsonContext.Default.DeepgramControlMessage, cancellationToken).ConfigureAwait(false);
        Log.LiveAudioEnded(_transport.Logger, _bytesSent);
    }

    private AssistantProviderException WithPartial(AssistantProviderException error)
    {
        error.Data[DeepgramPropertyNames.PartialTranscript] = _finalText.ToString();
        return error;
    }
}
