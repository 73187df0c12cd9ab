// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AssistantProviders.ElevenLabs.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.ElevenLabs;

/// <summary>
/// ElevenLabs text-to-speech as an <see cref="ITextToSpeechClient"/> (experimental MEAI API, <c>MEAI001</c>):
/// <see cref="GetAudioAsync"/> posts <c>/v1/text-to-speech/{voice_id}</c>; <see cref="GetStreamingAudioAsync"/>
/// reads the chunked <c>/stream</c> route and yields the bytes as they arrive; <see cref="GetStreamingAudioFromTextAsync"/>
/// feeds text that is still being generated into the <c>stream-input</c> WebSocket. The same client manages voices (instant voice
/// cloning, list, get, delete) and lists models (<see cref="IModelDiscovery"/>). <c>GetService(typeof(TextToSpeechClientMetadata))</c>
/// reports provider <c>elevenlabs</c>.
/// </summary>
public sealed class ElevenLabsTextToSpeechClient : ITextToSpeechClient, IModelDiscovery
{
    private const int ChunkSize = 16 * 1024;
    private readonly ProviderTransport _transport;
    private readonly ElevenLabsClientOptions _options;
    private readonly ILogger _logger;
    private readonly TextToSpeechClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="ElevenLabsTextToSpeechClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model, voice and output format).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public ElevenLabsTextToSpeechClient(ElevenLabsClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal ElevenLabsTextToSpeechClient(ElevenLabsClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _transport = ElevenLabsProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _metadata = new TextToSpeechClientMetadata(ElevenLabsProvider.Id, _transport.Endpoint, options.DefaultModel ?? ElevenLabsProvider.DefaultModel);
    }

    /// <inheritdoc/>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        var plan = Plan(text, options);
        using var request = Post(plan, stream: false);
        using var response = await _transport.SendAsync(request, plan.ModelId, streaming: false, cancellationToken).ConfigureAwait(false);
        var bytes = await _transport.ReadBytesAsync(response, plan.ModelId, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw _transport.InvalidResponse(plan.ModelId, "the audio body was empty", null);
        }

        Log.AudioStreamed(_logger, plan.ModelId, bytes.Length, 1);
        return new TextToSpeechResponse([new DataContent(bytes, plan.MediaType)])
        {
            ModelId = plan.ModelId,
            ResponseId = RequestIdOf(response),
            AdditionalProperties = Properties(response, plan),
        };
    }

    /// <summary>
    /// Streams the audio of <paramref name="text"/> from the chunked <c>/v1/text-to-speech/{voice_id}/stream</c> route: each read of
    /// the body becomes one <see cref="TextToSpeechResponseUpdateKind.AudioUpdating"/> update (nothing is buffered whole), and a last
    /// <see cref="TextToSpeechResponseUpdateKind.SessionClose"/> update carries the characters billed. A body cut before its end is an
    /// <see cref="IncompleteStreamException"/>.
    /// </summary>
    /// <param name="text">The text to speak.</param>
    /// <param name="options">Voice, model, format, language and <see cref="ElevenLabsPropertyNames"/> knobs.</param>
    /// <param name="cancellationToken">Cancels the request and the stream.</param>
    /// <returns>The audio chunks in order.</returns>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var plan = Plan(text, options);
        using var request = Post(plan, stream: true);
        using var response = await _transport.SendAsync(request, plan.ModelId, streaming: true, cancellationToken).ConfigureAwait(false);
        var responseId = RequestIdOf(response);
        var body = _transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
        var buffer = new byte[ChunkSize];
        long total = 0;
        var chunks = 0;
        await using (body.ConfigureAwait(false))
        {
            while (true)
            {
                var read = await ReadAsync(body, buffer, response, plan.ModelId, total, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                chunks++;
                var chunk = GC.AllocateUninitializedArray<byte>(read); // the caller owns each update's bytes
                buffer.AsSpan(0, read).CopyTo(chunk);
                yield return new TextToSpeechResponseUpdate([new DataContent(chunk, plan.MediaType)])
                {
                    Kind = TextToSpeechResponseUpdateKind.AudioUpdating,
                    ModelId = plan.ModelId,
                    ResponseId = responseId,
                };
            }
        }

        if (total == 0)
        {
            throw _transport.InvalidResponse(plan.ModelId, "the audio stream was empty", null);
        }

        Log.AudioStreamed(_logger, plan.ModelId, total, chunks);
        yield return new TextToSpeechResponseUpdate
        {
            Kind = TextToSpeechResponseUpdateKind.SessionClose,
            ModelId = plan.ModelId,
            ResponseId = responseId,
            AdditionalProperties = Properties(response, plan),
        };
    }

    /// <summary>
    /// Speaks text that is still arriving (a chat answer being generated) over the <c>stream-input</c> WebSocket
    /// (<c>wss://…/v1/text-to-speech/{voice_id}/stream-input?model_id=…&amp;output_format=…</c>, key in the <c>xi-api-key</c> header):
    /// the first message carries the voice settings, the text goes out in word-aligned pieces with <c>try_trigger_generation</c>
    /// while the audio is read concurrently, the end is a <c>flush</c> and the empty-text close message. Each base64 <c>audio</c>
    /// chunk becomes an <see cref="TextToSpeechResponseUpdateKind.AudioUpdating"/> update with its <see cref="ElevenLabsAlignment"/>
    /// under <see cref="ElevenLabsPropertyNames.Alignment"/>; <c>isFinal</c> ends it with a
    /// <see cref="TextToSpeechResponseUpdateKind.SessionClose"/> update. A socket that drops or closes before <c>isFinal</c> is an
    /// <see cref="IncompleteStreamException"/>; a close with an error code is a typed error.
    /// </summary>
    /// <param name="text">The text, piece by piece (the caller's stream; its exceptions surface as they are).</param>
    /// <param name="options">Voice, model, format, language and voice settings.</param>
    /// <param name="cancellationToken">Cancels the session.</param>
    /// <returns>The audio chunks in order.</returns>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioFromTextAsync(
        IAsyncEnumerable<string> text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plan = ElevenLabsMapper.Plan(string.Empty, options, _options, _logger, this);
        var socket = await ProviderWebSocket.ConnectAsync(
            _transport, SocketUri(plan), plan.ModelId, static (o, key) => o.SetRequestHeader(ElevenLabsProvider.KeyHeader, key), cancellationToken).ConfigureAwait(false);
        await using (socket.ConfigureAwait(false))
        {
            await socket.SendJsonAsync(new ElevenLabsSocketInit { VoiceSettings = plan.Request.VoiceSettings }, ElevenLabsJsonContext.Default.ElevenLabsSocketInit, cancellationToken).ConfigureAwait(false);
            using var pumpCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var readCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sent = new StrongBox<int>();
            var pump = PumpAsync(socket, text, sent, pumpCancel.Token);
            _ = pump.ContinueWith(static (_, state) => CancelQuietly((CancellationTokenSource)state!), readCancel, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var chunks = 0;
            try
            {
                while (true)
                {
                    var output = await ReceiveAsync(socket, pump, plan.ModelId, chunks, readCancel.Token, cancellationToken).ConfigureAwait(false);
                    if (output.Audio is { Length: > 0 } audio)
                    {
                        chunks++;
                        var update = new TextToSpeechResponseUpdate([new DataContent(Decode(audio, plan.ModelId), plan.MediaType)])
                        {
                            Kind = TextToSpeechResponseUpdateKind.AudioUpdating,
                            ModelId = plan.ModelId,
                            RawRepresentation = output,
                            AdditionalProperties = [],
                        };
                        if (ElevenLabsMapper.ToAlignment(output.Alignment) is { } alignment)
                        {
                            update.AdditionalProperties[ElevenLabsPropertyNames.Alignment] = alignment;
                        }

                        if (ElevenLabsMapper.ToAlignment(output.NormalizedAlignment) is { } normalized)
                        {
                            update.AdditionalProperties[ElevenLabsPropertyNames.NormalizedAlignment] = normalized;
                        }

                        yield return update;
                    }

                    if (output.IsFinal == true)
                    {
                        break;
                    }
                }
            }
            finally
            {
                await pumpCancel.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(pump).ConfigureAwait(false);
            }

            await pump.ConfigureAwait(false);
            await socket.CloseAsync(cancellationToken).ConfigureAwait(false);
            Log.SocketCompleted(_logger, plan.ModelId, sent.Value, chunks);
            yield return new TextToSpeechResponseUpdate
            {
                Kind = TextToSpeechResponseUpdateKind.SessionClose,
                ModelId = plan.ModelId,
                AdditionalProperties = new()
                {
                    [AssistantProviderProperties.Provider] = ElevenLabsProvider.Id,
                    [ElevenLabsPropertyNames.AudioOutputFormat] = plan.OutputFormat,
                },
            };
        }
    }

    /// <summary>Lists the voices of the account (<c>GET /v1/voices</c>): premade, cloned and saved library voices.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The voices.</returns>
    public async Task<IReadOnlyList<ElevenLabsVoice>> ListVoicesAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v1/voices"));
        var (value, _) = await _transport.SendForJsonAsync(request, ElevenLabsJsonContext.Default.ElevenLabsVoicesResponse, null, cancellationToken).ConfigureAwait(false);
        return Map(value.Voices ?? [], static v => ElevenLabsMapper.ToVoice(v));
    }

    /// <summary>Gets one voice (<c>GET /v1/voices/{voice_id}</c>); an unknown id is an <see cref="AssistantProviderException"/> of kind <see cref="ProviderErrorKind.NotFound"/>.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The voice.</returns>
    public async Task<ElevenLabsVoice> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voiceId);
        using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v1/voices/" + Uri.EscapeDataString(voiceId.Trim())));
        var (value, _) = await _transport.SendForJsonAsync(request, ElevenLabsJsonContext.Default.ElevenLabsVoiceDto, null, cancellationToken).ConfigureAwait(false);
        return Map([value], static v => ElevenLabsMapper.ToVoice(v))[0];
    }

    /// <summary>
    /// Clones a voice from audio samples (instant voice cloning, <c>POST /v1/voices/add</c>, multipart; the samples are streamed, not
    /// buffered). The returned <see cref="ElevenLabsVoice.VoiceId"/> can be used as <c>TextToSpeechOptions.VoiceId</c> right away.
    /// </summary>
    /// <param name="name">The voice's name.</param>
    /// <param name="samples">One or more audio samples of the speaker.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="labels">Optional labels (accent, age, gender...).</param>
    /// <param name="removeBackgroundNoise">Whether ElevenLabs should isolate the voice from background noise first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new voice.</returns>
    public async Task<ElevenLabsVoice> AddVoiceAsync(
        string name,
        IEnumerable<ElevenLabsVoiceSample> samples,
        string? description = null,
        IReadOnlyDictionary<string, string>? labels = null,
        bool removeBackgroundNoise = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(samples);
        var list = samples.ToList();
        if (list.Count == 0)
        {
            throw ElevenLabsErrors.NoSamples();
        }

        var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        foreach (var sample in list)
        {
            var part = new StreamContent(sample.Audio, ChunkSize);
            part.Headers.ContentType = new MediaTypeHeaderValue(sample.MediaType ?? "application/octet-stream");
            form.Add(part, "files", sample.FileName);
        }

        if (!string.IsNullOrWhiteSpace(description))
        {
            form.Add(new StringContent(description), "description");
        }

        if (labels is { Count: > 0 })
        {
            form.Add(new StringContent(LabelsJson(labels)), "labels");
        }

        if (removeBackgroundNoise)
        {
            form.Add(new StringContent("true"), "remove_background_noise");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/voices/add")) { Content = form };
        var (value, _) = await _transport.SendForJsonAsync(request, ElevenLabsJsonContext.Default.ElevenLabsAddVoiceResponse, null, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(value.VoiceId))
        {
            throw _transport.InvalidResponse(null, "the new voice has no voice_id", null);
        }

        Log.VoiceAdded(_logger, value.VoiceId);
        var voice = new ElevenLabsVoice(value.VoiceId, name) { Category = "cloned", Description = description, RequiresVerification = value.RequiresVerification == true };
        foreach (var (key, label) in labels ?? new Dictionary<string, string>())
        {
            voice.Labels[key] = label;
        }

        return voice;
    }

    /// <summary>Deletes a voice of the account (<c>DELETE /v1/voices/{voice_id}</c>); an unknown id is a <see cref="ProviderErrorKind.NotFound"/> error.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the voice is deleted.</returns>
    public async Task DeleteVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voiceId);
        using var request = new HttpRequestMessage(HttpMethod.Delete, _transport.Resolve("v1/voices/" + Uri.EscapeDataString(voiceId.Trim())));
        await _transport.SendForJsonAsync(request, ElevenLabsJsonContext.Default.ElevenLabsDeleteVoiceResponse, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the models (<c>GET /v1/models</c>, a bare JSON array); models that cannot speak have no capabilities.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v1/models"));
        var (value, _) = await _transport.SendForJsonAsync(request, ElevenLabsJsonContext.Default.ListElevenLabsModelDto, null, cancellationToken).ConfigureAwait(false);
        return Map(value, static m => ElevenLabsMapper.ToModel(m, ElevenLabsProvider.Id));
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    /// <summary>Stops the reader when the text pump failed; the session may already be over (the source disposed).</summary>
    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The reader finished first; nothing is waiting.
        }
    }

    private static string? RequestIdOf(ProviderResponse response) =>
        response.Message.Headers.TryGetValues("request-id", out var ids) ? ids.FirstOrDefault() : response.RequestId;

    private static string LabelsJson(IReadOnlyDictionary<string, string> labels)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in labels)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private ElevenLabsSpeechPlan Plan(string text, TextToSpeechOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plan = ElevenLabsMapper.Plan(text, options, _options, _logger, this);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ElevenLabsErrors.EmptyText(plan.ModelId);
        }

        return plan;
    }

    private HttpRequestMessage Post(ElevenLabsSpeechPlan plan, bool stream)
    {
        var path = "v1/text-to-speech/" + Uri.EscapeDataString(plan.VoiceId) + (stream ? "/stream" : string.Empty) + "?output_format=" + Uri.EscapeDataString(plan.OutputFormat);
        return new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(path))
        {
            Content = ProviderTransport.JsonContent(plan.Request, ElevenLabsJsonContext.Default.ElevenLabsSpeechRequest),
        };
    }

    private Uri SocketUri(ElevenLabsSpeechPlan plan)
    {
        var query = "model_id=" + Uri.EscapeDataString(plan.ModelId) + "&output_format=" + Uri.EscapeDataString(plan.OutputFormat) +
            (plan.Request.LanguageCode is { } language ? "&language_code=" + Uri.EscapeDataString(language) : string.Empty);
        return new Uri(ElevenLabsProvider.StreamingBaseFor(_options, _transport.Endpoint), "v1/text-to-speech/" + Uri.EscapeDataString(plan.VoiceId) + "/stream-input?" + query);
    }

    private static AdditionalPropertiesDictionary Properties(ProviderResponse response, ElevenLabsSpeechPlan plan)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [AssistantProviderProperties.Provider] = ElevenLabsProvider.Id,
            [ElevenLabsPropertyNames.AudioOutputFormat] = plan.OutputFormat,
        };
        var headers = response.Message.Headers;
        if ((Header(headers, "character-cost") ?? Header(headers, "x-character-count")) is { } cost &&
            long.TryParse(cost, NumberStyles.None, CultureInfo.InvariantCulture, out var characters))
        {
            properties[ElevenLabsPropertyNames.CharacterCost] = characters;
        }

        if (Header(headers, "history-item-id") is { } history)
        {
            properties[ElevenLabsPropertyNames.HistoryItemId] = history;
        }

        if (response.RateLimits is not null)
        {
            properties[ProviderRateLimits.Key] = response.RateLimits;
        }

        return properties;

        static string? Header(HttpResponseHeaders headers, string name) =>
            headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
    }

    private async ValueTask<int> ReadAsync(Stream body, byte[] buffer, ProviderResponse response, string model, long total, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, response.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && response.TimedOut)
        {
            throw _transport.TimeoutError(model, _transport.Options.MaxStreamDuration, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw _transport.Incomplete(model, $"the audio body stopped after {total} bytes, before its end", ex, billed: true);
        }
    }

    private static async Task PumpAsync(ProviderWebSocket socket, IAsyncEnumerable<string> text, StrongBox<int> sent, CancellationToken cancellationToken)
    {
        var pending = new StringBuilder();
        await foreach (var piece in text.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(piece))
            {
                continue;
            }

            pending.Append(piece);
            var cut = pending.Length;
            while (cut > 0 && !char.IsWhiteSpace(pending[cut - 1]))
            {
                cut--;
            }

            if (cut == 0)
            {
                continue;
            }

            var chunk = pending.ToString(0, cut);
            pending.Remove(0, cut);
            if (!await TrySendAsync(socket, new ElevenLabsSocketText { Text = chunk, TryTriggerGeneration = true }, sent, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        if (await TrySendAsync(socket, new ElevenLabsSocketText { Text = pending + " ", Flush = true }, sent, cancellationToken).ConfigureAwait(false))
        {
            await TrySendAsync(socket, new ElevenLabsSocketText { Text = string.Empty }, sent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one text message; a socket the server already closed or dropped stops the pump quietly (the reader reports why).</summary>
    private static async Task<bool> TrySendAsync(ProviderWebSocket socket, ElevenLabsSocketText message, StrongBox<int> sent, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendJsonAsync(message, ElevenLabsJsonContext.Default.ElevenLabsSocketText, cancellationToken).ConfigureAwait(false);
            sent.Value++;
            return true;
        }
        catch (AssistantProviderException) when (!socket.IsOpen)
        {
            return false;
        }
    }

    private async Task<ElevenLabsSocketOutput> ReceiveAsync(ProviderWebSocket socket, Task pump, string model, int chunks, CancellationToken readToken, CancellationToken callerToken)
    {
        ProviderSocketMessage? message;
        try
        {
            message = await socket.ReceiveAsync(readToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested && pump.IsFaulted)
        {
            await pump.ConfigureAwait(false);
            throw;
        }

        if (message is not { } received)
        {
            throw _transport.IncompleteStream(model, chunks, "audio chunks", "isFinal", billed: chunks > 0);
        }

        if (!received.IsText)
        {
            throw _transport.InvalidResponse(model, "stream-input sent a binary message", null);
        }

        ElevenLabsSocketOutput? output;
        try
        {
            output = JsonSerializer.Deserialize(received.Data.Span, ElevenLabsJsonContext.Default.ElevenLabsSocketOutput);
        }
        catch (JsonException ex)
        {
            throw _transport.InvalidResponse(model, "a stream-input message was not valid JSON", ex);
        }

        if (output is null)
        {
            throw _transport.InvalidResponse(model, "a stream-input message was JSON null", null);
        }

        if (output.Error is { } error)
        {
            throw ProviderErrorMapper.FromMessage(_transport.Descriptor, output.Message ?? error, error, model, _transport.Key);
        }

        return output;
    }

    private byte[] Decode(string audio, string model)
    {
        try
        {
            return Convert.FromBase64String(audio);
        }
        catch (FormatException ex)
        {
            throw _transport.InvalidResponse(model, "a stream-input audio chunk was not base64", ex);
        }
    }

    private List<T> Map<TDto, T>(IEnumerable<TDto> items, Func<TDto, T> map)
    {
        try
        {
            return [.. items.Select(map)];
        }
        catch (JsonException ex)
        {
            throw _transport.InvalidResponse(null, ex.Message, ex);
        }
    }
}
