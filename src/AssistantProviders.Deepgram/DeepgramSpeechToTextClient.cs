// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using AssistantProviders.Deepgram.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Deepgram;

/// <summary>
/// Deepgram speech-to-text as an <see cref="ISpeechToTextClient"/> (experimental MEAI API, <c>MEAI001</c>).
/// <see cref="GetTextAsync"/> sends pre-recorded audio (or, with <see cref="DeepgramPropertyNames.AudioUrl"/>, a hosted file's URL)
/// to <c>POST /v1/listen</c>; <see cref="GetStreamingTextAsync"/> streams the audio live over the <c>/v1/listen</c> WebSocket as it
/// is read, with <c>KeepAlive</c> while the source is idle and <c>CloseStream</c> at its end. Words, speakers, utterances and the
/// billed duration travel under <see cref="DeepgramPropertyNames"/>. Default model <c>nova-3</c>. Lists Deepgram's public models
/// (<see cref="IModelDiscovery"/>, <c>GET /v1/models</c>).
/// </summary>
public sealed class DeepgramSpeechToTextClient : ISpeechToTextClient, IModelDiscovery
{
    private readonly ProviderTransport _transport;
    private readonly DeepgramClientOptions _options;
    private readonly SpeechToTextClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="DeepgramSpeechToTextClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, model and limits).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public DeepgramSpeechToTextClient(DeepgramClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal DeepgramSpeechToTextClient(DeepgramClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = DeepgramProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        _metadata = new SpeechToTextClientMetadata(DeepgramProvider.Id, _transport.Endpoint, _transport.ResolveModel(null));
    }

    /// <inheritdoc/>
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        cancellationToken.ThrowIfCancellationRequested();
        var model = _transport.ResolveModel(options?.ModelId);
        var properties = options?.AdditionalProperties;
        DeepgramQuery.RawAudio(properties, model);
        var uri = _transport.Resolve("v1/listen?" + DeepgramQuery.Listen(options, model, live: false));
        HttpContent content;
        UploadStream? upload = null;
        var limit = Math.Min(_options.MaxUploadBytes > 0 ? _options.MaxUploadBytes : DeepgramProvider.UploadLimitBytes, DeepgramProvider.UploadLimitBytes);
        if (DeepgramQuery.Get(properties, DeepgramPropertyNames.AudioUrl) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var hosted) || (hosted.Scheme != Uri.UriSchemeHttps && hosted.Scheme != Uri.UriSchemeHttp))
            {
                throw DeepgramErrors.BadInput("invalid_audio_url", "the audio URL must be an absolute http(s) URL.", model);
            }

            content = ProviderTransport.JsonContent(new DeepgramUrlRequest(url), DeepgramJsonContext.Default.DeepgramUrlRequest);
        }
        else
        {
            if (audioSpeechStream.CanSeek && audioSpeechStream.Length - audioSpeechStream.Position > limit)
            {
                throw DeepgramErrors.TooLarge(limit, model);
            }

            var head = new byte[512];
            var read = await audioSpeechStream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw DeepgramErrors.EmptyAudio(model);
            }

            var mediaType = DeepgramQuery.Get(properties, DeepgramPropertyNames.ContentType)
                ?? AudioHead.MediaTypeOf(head.AsSpan(0, read))
                ?? (DeepgramQuery.Get(properties, DeepgramPropertyNames.Encoding) is not null ? "application/octet-stream" : throw DeepgramErrors.UnsupportedFormat(model));
            upload = new UploadStream(head, read, audioSpeechStream, limit);
            content = new StreamContent(upload);
            content.Headers.ContentType = MediaTypeHeaderValue.TryParse(mediaType, out var parsed) ? parsed : new MediaTypeHeaderValue("application/octet-stream");
            Log.Uploading(_transport.Logger, content.Headers.ContentType.MediaType ?? mediaType, model);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        try
        {
            using var response = await _transport.SendAsync(request, model, streaming: false, cancellationToken).ConfigureAwait(false);
            var wire = await _transport.ReadJsonAsync(response, DeepgramJsonContext.Default.DeepgramListenResponse, model, cancellationToken).ConfigureAwait(false);
            var result = DeepgramMapper.ToResponse(wire, model);
            result.ResponseId ??= response.RequestId;
            if (response.RateLimits is not null)
            {
                (result.AdditionalProperties ??= [])[ProviderRateLimits.Key] = response.RateLimits;
            }

            return result;
        }
        catch (AssistantProviderException) when (upload?.LimitExceeded == true)
        {
            throw DeepgramErrors.TooLarge(limit, model);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Opens <c>wss://…/v1/listen</c> and sends the audio as binary frames as it is read (never buffered whole), reading results
    /// concurrently: interim results are <see cref="SpeechToTextResponseUpdateKind.TextUpdating"/>, finals
    /// <see cref="SpeechToTextResponseUpdateKind.TextUpdated"/>, the closing <c>Metadata</c>
    /// <see cref="SpeechToTextResponseUpdateKind.SessionClose"/> (with the billed duration as usage). A socket that drops before the
    /// closing <c>Metadata</c> raises <see cref="IncompleteStreamException"/> with the final text so far under
    /// <see cref="DeepgramPropertyNames.PartialTranscript"/> in its <c>Data</c>.
    /// </remarks>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        var model = _transport.ResolveModel(options?.ModelId);
        var session = new DeepgramLiveSession(_transport, _options, model, options);
        await foreach (var update in session.RunAsync(audioSpeechStream, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>
    /// Lists Deepgram's public models (<c>GET /v1/models</c>): speech-to-text models (streaming ones flagged) and the Aura
    /// text-to-speech voices, one entry per canonical name.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models, as the vendor reports them.</returns>
    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v1/models"));
        var (value, _) = await _transport.SendForJsonAsync(request, DeepgramJsonContext.Default.DeepgramModelsResponse, null, cancellationToken).ConfigureAwait(false);
        return DeepgramMapper.ToModels(value, DeepgramProvider.Id);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(DeepgramClientOptions) && serviceKey is null ? _options
        : ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();
}
