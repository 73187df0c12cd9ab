// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>
/// One live Universal-Streaming v3 session over <see cref="ProviderWebSocket"/>: the audio is sent as binary frames of 100 ms
/// (the last one padded with silence to the 50 ms minimum) at the pace it is read, while <c>Begin</c>, <c>Turn</c> and
/// <c>Termination</c> are read concurrently; <c>{"type":"Terminate"}</c> follows the last frame and the session ends at
/// <c>Termination</c>. A socket that closes or drops before <c>Termination</c> is an <see cref="IncompleteStreamException"/>
/// (with the final text so far under <see cref="AssemblyAIPropertyNames.PartialTranscript"/> in its <c>Data</c>); a close with an
/// error code is the typed error of that code; silence is bounded by <see cref="AssemblyAIClientOptions.StreamingIdleTimeout"/>;
/// cancellation closes the socket cleanly (1000).
/// </summary>
internal sealed class AssemblyAILiveSession
{
    public const int MinSampleRate = 8000;
    public const int MaxSampleRate = 48000;
    private readonly ProviderTransport _transport;
    private readonly AssemblyAIClientOptions _options;

    public AssemblyAILiveSession(ProviderTransport transport, AssemblyAIClientOptions options)
    {
        _transport = transport;
        _options = options;
    }

    /// <summary>Whether <c>GetStreamingTextAsync</c> goes live for these options.</summary>
    public static bool IsLive(AssemblyAIClientOptions client, SpeechToTextOptions? options) =>
        AssemblyAIMapper.Bool(options, AssemblyAIPropertyNames.Live) ?? client.LiveStreaming;

    public async IAsyncEnumerable<SpeechToTextResponseUpdate> StreamAsync(
        Stream audio, SpeechToTextOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = !string.IsNullOrWhiteSpace(options?.ModelId) ? options.ModelId
            : !string.IsNullOrWhiteSpace(_options.DefaultStreamingModel) ? _options.DefaultStreamingModel
            : AssemblyAIProvider.DefaultStreamingModel;
        var head = await AudioHead.ReadAsync(audio, cancellationToken).ConfigureAwait(false);
        var format = LiveFormat.From(head, options, model);
        var formatTurns = AssemblyAIMapper.Bool(options, AssemblyAIPropertyNames.FormatTurns) ?? true;
        var uri = SocketUri(format, formatTurns, model, options);

        var socket = await ProviderWebSocket.ConnectAsync(
            _transport, uri, model, static (o, key) => o.SetRequestHeader("Authorization", key), cancellationToken).ConfigureAwait(false);
        socket.IdleTimeout = _options.StreamingIdleTimeout;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sender = new AudioSender(socket, head, format, audio);
        var sending = sender.RunAsync(stop.Token);
        var state = new SessionState();
        try
        {
            while (true)
            {
                var message = await NextAsync(socket, sender, state, model, cancellationToken).ConfigureAwait(false);
                switch (message.Type)
                {
                    case "Begin":
                        state.SessionId = message.Id;
                        Log.SessionBegan(_transport.Logger, message.Id, model, format.SampleRate, format.Encoding);
                        yield return Session(SpeechToTextResponseUpdateKind.SessionOpen, state, model, message);
                        break;
                    case "Turn":
                        // With format_turns, a turn ends twice: unformatted, then formatted; only the formatted one is final.
                        var final = message.EndOfTurn == true && (!formatTurns || message.TurnIsFormatted == true);
                        if (final)
                        {
                            state.AddFinal(message.Transcript);
                        }

                        yield return AssemblyAIMapper.ToUpdate(message, final, state.SessionId, model);
                        break;
                    case "Termination":
                        Log.SessionTerminated(_transport.Logger, state.SessionId, message.AudioDurationSeconds, state.FinalTurns);
                        yield return Closing(state, model, message);
                        yield break;
                    default:
                        Log.MessageIgnored(_transport.Logger, message.Type);
                        break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await AudioSender.WaitAsync(sending).ConfigureAwait(false);
            // Also after the server's close (CloseReceived, the normal end after Terminate): answering it completes the handshake.
            await CloseQuietlyAsync(socket).ConfigureAwait(false);

            await socket.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task CloseQuietlyAsync(ProviderWebSocket socket)
    {
        try
        {
            await socket.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket is gone already; disposing aborts whatever is left.
        }
    }

    private static SpeechToTextResponseUpdate Session(SpeechToTextResponseUpdateKind kind, SessionState state, string model, AssemblyAIStreamingMessage raw)
    {
        var update = new SpeechToTextResponseUpdate
        {
            Kind = kind,
            ResponseId = state.SessionId,
            ModelId = model,
            RawRepresentation = raw,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = AssemblyAIProvider.Id },
        };
        if (state.SessionId is { } id)
        {
            update.AdditionalProperties[AssemblyAIPropertyNames.TranscriptId] = id;
        }

        return update;
    }

    private static SpeechToTextResponseUpdate Closing(SessionState state, string model, AssemblyAIStreamingMessage termination)
    {
        var update = Session(SpeechToTextResponseUpdateKind.SessionClose, state, model, termination);
        var counts = new AdditionalPropertiesDictionary<long>();
        if (termination.AudioDurationSeconds is { } audio && double.IsFinite(audio) && audio >= 0)
        {
            counts[AssemblyAIMapper.AudioSecondsCount] = (long)Math.Ceiling(audio);
            update.StartTime = TimeSpan.Zero;
            update.EndTime = TimeSpan.FromSeconds(audio);
        }

        if (termination.SessionDurationSeconds is { } session && double.IsFinite(session) && session >= 0)
        {
            counts["session_seconds"] = (long)Math.Ceiling(session);
            update.AdditionalProperties![AssemblyAIPropertyNames.SessionDuration] = TimeSpan.FromSeconds(session);
        }

        if (counts.Count > 0)
        {
            update.Contents.Add(new UsageContent(new UsageDetails { AdditionalCounts = counts }));
        }

        return update;
    }

    /// <summary>
    /// Receives and parses the next server message. A normal close or a drop before <c>Termination</c> becomes an
    /// <see cref="IncompleteStreamException"/> with the final text so far; a failure reading the caller's audio surfaces as is.
    /// </summary>
    private async Task<AssemblyAIStreamingMessage> NextAsync(ProviderWebSocket socket, AudioSender sender, SessionState state, string model, CancellationToken cancellationToken)
    {
        ProviderSocketMessage? received;
        // The receive itself is not cancelled (a cancelled ClientWebSocket receive aborts the socket): the wait is, so cancellation
        // can still close the socket cleanly; the abandoned receive ends with the socket.
        var receive = socket.ReceiveAsync(CancellationToken.None).AsTask();
        try
        {
            received = await receive.WaitAsync(sender.Failed(cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _ = receive.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            if (!cancellationToken.IsCancellationRequested && sender.Error is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            throw;
        }
        catch (IncompleteStreamException ex)
        {
            ex.Data[AssemblyAIPropertyNames.PartialTranscript] = state.Text;
            throw;
        }

        if (received is not { } message)
        {
            var incomplete = _transport.Incomplete(model, $"the socket closed after {socket.MessagesReceived} messages without Termination", billed: state.SessionId is not null);
            incomplete.Data[AssemblyAIPropertyNames.PartialTranscript] = state.Text;
            throw incomplete;
        }

        if (!message.IsText)
        {
            Log.MessageIgnored(_transport.Logger, "binary");
            return new AssemblyAIStreamingMessage();
        }

        AssemblyAIStreamingMessage? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(message.Data.Span, AssemblyAIJsonContext.Default.AssemblyAIStreamingMessage);
        }
        catch (JsonException ex)
        {
            throw _transport.InvalidResponse(model, "a socket message was not valid JSON", ex);
        }

        if (parsed is null)
        {
            throw _transport.InvalidResponse(model, "a socket message was JSON null", null);
        }

        if (parsed.Error is { Length: > 0 } || (parsed.Type is null && parsed.Error is not null))
        {
            throw ProviderErrorMapper.FromEventData(_transport.Descriptor, message.GetText(), model, _transport.Key, unwrapError: false);
        }

        return parsed;
    }

    private Uri SocketUri(LiveFormat format, bool formatTurns, string model, SpeechToTextOptions? options)
    {
        var query = new StringBuilder();
        void Add(string name, string value) =>
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));

        Add("sample_rate", format.SampleRate.ToString(CultureInfo.InvariantCulture));
        Add("encoding", format.Encoding);
        Add("format_turns", formatTurns ? "true" : "false");
        Add("speech_model", model);
        if (AssemblyAIMapper.Bool(options, AssemblyAIPropertyNames.SpeakerLabels) is { } speakers)
        {
            Add("speaker_labels", speakers ? "true" : "false");
        }

        if (AssemblyAIMapper.Bool(options, AssemblyAIPropertyNames.LanguageDetection) is { } detect)
        {
            Add("language_detection", detect ? "true" : "false");
        }

        var builder = new UriBuilder(AssemblyAIProvider.StreamingEndpointFor(_options)) { Query = query.ToString(1, query.Length - 1) };
        return builder.Uri;
    }
}
