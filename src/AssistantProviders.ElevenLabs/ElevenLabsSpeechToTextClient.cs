// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using AssistantProviders.ElevenLabs.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.ElevenLabs;

/// <summary>
/// ElevenLabs Scribe (<c>POST /v1/speech-to-text</c>, multipart) as an <see cref="ISpeechToTextClient"/> (experimental MEAI API,
/// <c>MEAI001</c>). Diarization is on by default: each speaker turn is one <see cref="TextContent"/> of the response with its
/// speaker and times under <see cref="ElevenLabsPropertyNames"/>, and every word (with start, end and speaker) is listed under
/// <see cref="ElevenLabsPropertyNames.Words"/>. Default model <c>scribe_v1</c>. Empty audio and audio over the upload limit are
/// rejected before (or while) uploading; the audio is streamed, never buffered whole.
/// </summary>
public sealed class ElevenLabsSpeechToTextClient : ISpeechToTextClient
{
    private const int HeadSize = 4096;
    private readonly ProviderTransport _transport;
    private readonly ElevenLabsClientOptions _options;
    private readonly SpeechToTextClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="ElevenLabsSpeechToTextClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default transcription model, upload limit).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public ElevenLabsSpeechToTextClient(ElevenLabsClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal ElevenLabsSpeechToTextClient(ElevenLabsClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _transport = ElevenLabsProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        _options = options;
        _metadata = new SpeechToTextClientMetadata(ElevenLabsProvider.Id, _transport.Endpoint, DefaultModel);
    }

    private string DefaultModel => _options.DefaultTranscriptionModel is { Length: > 0 } m ? m : ElevenLabsProvider.DefaultTranscriptionModel;

    /// <inheritdoc/>
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        cancellationToken.ThrowIfCancellationRequested();
        var model = options?.ModelId is { Length: > 0 } requested ? requested : DefaultModel;
        var limit = _options.MaxUploadBytes is > 0 and <= ElevenLabsProvider.UploadLimitBytes ? _options.MaxUploadBytes : ElevenLabsProvider.UploadLimitBytes;
        if (audioSpeechStream.CanSeek && audioSpeechStream.Length - audioSpeechStream.Position > limit)
        {
            throw ElevenLabsErrors.TooLarge(limit, model);
        }

        var head = new byte[HeadSize];
        var headLength = await audioSpeechStream.ReadAtLeastAsync(head, HeadSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (headLength == 0)
        {
            throw ElevenLabsErrors.EmptyAudio(model);
        }

        var properties = options?.AdditionalProperties;
        var audio = new ElevenLabsAudioContent(head, headLength, audioSpeechStream, limit);
        audio.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent
        {
            { new StringContent(model), "model_id" },
        };
        form.Add(audio, "file", ElevenLabsMapper.String(properties, ElevenLabsPropertyNames.FileName) ?? "audio");
        if (options?.SpeechLanguage is { Length: > 0 } language)
        {
            form.Add(new StringContent(language), "language_code");
        }

        form.Add(new StringContent(ElevenLabsMapper.Bool(properties, ElevenLabsPropertyNames.Diarize) is false ? "false" : "true"), "diarize");
        if (ElevenLabsMapper.Long(properties, ElevenLabsPropertyNames.NumSpeakers) is { } speakers)
        {
            form.Add(new StringContent(speakers.ToString(CultureInfo.InvariantCulture)), "num_speakers");
        }

        if (ElevenLabsMapper.Bool(properties, ElevenLabsPropertyNames.TagAudioEvents) is { } tag)
        {
            form.Add(new StringContent(tag ? "true" : "false"), "tag_audio_events");
        }

        form.Add(new StringContent(ElevenLabsMapper.String(properties, ElevenLabsPropertyNames.TimestampsGranularity) ?? "word"), "timestamps_granularity");

        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/speech-to-text")) { Content = form };
        ElevenLabsTranscript transcript;
        try
        {
            (transcript, _) = await _transport.SendForJsonAsync(request, ElevenLabsJsonContext.Default.ElevenLabsTranscript, model, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException) when (audio.LimitExceeded)
        {
            throw ElevenLabsErrors.TooLarge(limit, model);
        }

        return ElevenLabsMapper.ToResponse(transcript, model, ElevenLabsProvider.Id);
    }

    /// <summary>Transcribes the whole audio (Scribe has no HTTP streaming) and returns it as updates, one per speaker turn.</summary>
    /// <param name="audioSpeechStream">The audio.</param>
    /// <param name="options">Model, language and <see cref="ElevenLabsPropertyNames"/> knobs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updates.</returns>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetTextAsync(audioSpeechStream, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToSpeechToTextResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();
}
