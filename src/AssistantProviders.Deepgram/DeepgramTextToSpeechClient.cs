// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Deepgram.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Deepgram;

/// <summary>
/// Deepgram Aura text-to-speech as an <see cref="ITextToSpeechClient"/> (experimental MEAI API, <c>MEAI001</c>), over
/// <c>POST /v1/speak</c>. The voice is the model (<c>aura-2-thalia-en</c> by default; <see cref="TextToSpeechOptions.VoiceId"/> or
/// <see cref="TextToSpeechOptions.ModelId"/> name another); <see cref="TextToSpeechOptions.AudioFormat"/> (or
/// <see cref="DeepgramPropertyNames.OutputEncoding"/>) picks the encoding, with container, sample rate and bit rate under
/// <see cref="DeepgramPropertyNames"/>. <see cref="GetStreamingAudioAsync"/> yields the body's bytes as they arrive.
/// </summary>
public sealed class DeepgramTextToSpeechClient : ITextToSpeechClient
{
    private const int ChunkBytes = 16 * 1024;
    private readonly ProviderTransport _transport;
    private readonly DeepgramClientOptions _options;
    private readonly string _defaultModel;
    private readonly TextToSpeechClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="DeepgramTextToSpeechClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, voice and limits).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public DeepgramTextToSpeechClient(DeepgramClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal DeepgramTextToSpeechClient(DeepgramClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = DeepgramProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        _defaultModel = options.DefaultSpeechModel is { Length: > 0 } m ? m : DeepgramProvider.DefaultSpeechModel;
        _metadata = new TextToSpeechClientMetadata(DeepgramProvider.Id, _transport.Endpoint, _defaultModel);
    }

    /// <inheritdoc/>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (model, mediaType, response) = await SendAsync(text, options, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var bytes = await _transport.ReadBytesAsync(response, model, cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                throw _transport.InvalidResponse(model, "the audio body was empty", null);
            }

            var result = new TextToSpeechResponse([new DataContent(bytes, ResponseMediaType(response, mediaType))])
            {
                ModelId = model,
                ResponseId = RequestId(response),
                AdditionalProperties = new() { [AssistantProviderProperties.Provider] = DeepgramProvider.Id },
            };
            if (response.RateLimits is not null)
            {
                result.AdditionalProperties[ProviderRateLimits.Key] = response.RateLimits;
            }

            return result;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (model, mediaType, response) = await SendAsync(text, options, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var type = ResponseMediaType(response, mediaType);
            var id = RequestId(response);
            var body = _transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
            await using (body.ConfigureAwait(false))
            {
                var expected = response.Message.Content.Headers.ContentLength;
                long total = 0;
                var buffer = new byte[ChunkBytes];
                while (true)
                {
                    // Whatever has arrived is passed on at once (waiting for a full chunk would hold back the first audio), in an
                    // array of its own: the caller owns each update's bytes.
                    var read = await ReadChunkAsync(body, buffer, model, response.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    var chunk = GC.AllocateUninitializedArray<byte>(read);
                    buffer.AsSpan(0, read).CopyTo(chunk);
                    yield return new TextToSpeechResponseUpdate([new DataContent(chunk, type)])
                    {
                        Kind = TextToSpeechResponseUpdateKind.AudioUpdating,
                        ModelId = model,
                        ResponseId = id,
                    };
                }

                if (total == 0 || (expected is { } length && total < length))
                {
                    throw _transport.Incomplete(model, total == 0 ? "no audio was received" : $"the body stopped after {total} of {expected} bytes");
                }

                yield return new TextToSpeechResponseUpdate
                {
                    Kind = TextToSpeechResponseUpdateKind.SessionClose,
                    ModelId = model,
                    ResponseId = id,
                    AdditionalProperties = new() { [AssistantProviderProperties.Provider] = DeepgramProvider.Id },
                };
            }
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(DeepgramClientOptions) && serviceKey is null ? _options
        : ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    internal static string? ToEncoding(string? audioFormat) => audioFormat?.ToUpperInvariant() switch
    {
        null or "" => null,
        "AUDIO/MPEG" or "AUDIO/MP3" or "MP3" => "mp3",
        "AUDIO/OPUS" or "AUDIO/OGG" or "OPUS" => "opus",
        "AUDIO/AAC" or "AAC" => "aac",
        "AUDIO/FLAC" or "FLAC" => "flac",
        "AUDIO/WAV" or "AUDIO/X-WAV" or "AUDIO/WAVE" or "WAV" or "AUDIO/PCM" or "AUDIO/L16" or "PCM" or "LINEAR16" => "linear16",
        "AUDIO/BASIC" or "AUDIO/MULAW" or "MULAW" or "ULAW" => "mulaw",
        "AUDIO/ALAW" or "ALAW" => "alaw",
        _ => audioFormat.ToLowerInvariant(),
    };

    private static string MediaTypeOf(string? encoding, string? container) => encoding switch
    {
        null or "mp3" => "audio/mpeg",
        "opus" => "audio/ogg",
        "aac" => "audio/aac",
        "flac" => "audio/flac",
        "linear16" or "mulaw" or "alaw" when container is null or "wav" => "audio/wav",
        "mulaw" => "audio/basic",
        _ => "application/octet-stream",
    };

    private static string ResponseMediaType(ProviderResponse response, string fallback) =>
        response.Message.Content.Headers.ContentType?.MediaType is { Length: > 0 } mt && mt.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? mt : fallback;

    private static string? RequestId(ProviderResponse response) =>
        response.RequestId ?? (response.Message.Headers.TryGetValues("dg-request-id", out var ids) ? ids.FirstOrDefault() : null);

    private async Task<int> ReadChunkAsync(Stream body, byte[] buffer, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw _transport.Incomplete(model, "the audio body was cut", ex);
        }
    }

    private async Task<(string Model, string MediaType, ProviderResponse Response)> SendAsync(string text, TextToSpeechOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        var model = options?.VoiceId is { Length: > 0 } voice ? voice : options?.ModelId is { Length: > 0 } m ? m : _defaultModel;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DeepgramErrors.EmptyText(model);
        }

        var encoding = DeepgramQuery.Get(options?.AdditionalProperties, DeepgramPropertyNames.OutputEncoding) ?? ToEncoding(options?.AudioFormat);
        var container = DeepgramQuery.Get(options?.AdditionalProperties, DeepgramPropertyNames.Container);
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v1/speak?" + DeepgramQuery.Speak(options, model, encoding)))
        {
            Content = ProviderTransport.JsonContent(new DeepgramSpeakRequest(text), DeepgramJsonContext.Default.DeepgramSpeakRequest),
        };
        var response = await _transport.SendAsync(request, model, streaming: true, cancellationToken).ConfigureAwait(false);
        return (model, MediaTypeOf(encoding, container), response);
    }
}
