// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// The OpenAI-wire <c>/audio/speech</c> client: text in, one <see cref="DataContent"/> of audio out. <see cref="TextToSpeechOptions.VoiceId"/>
/// maps to <c>voice</c>, <see cref="TextToSpeechOptions.AudioFormat"/> to <c>response_format</c> (a format name or a MIME type),
/// <see cref="TextToSpeechOptions.Speed"/> to <c>speed</c>; <c>AdditionalProperties["instructions"]</c> is forwarded.
/// </summary>
internal sealed class OpenAIWireTextToSpeechClient : ITextToSpeechClient
{
    public const string InstructionsKey = "instructions";

    private readonly ProviderTransport _transport;
    private readonly OpenAIWireProfile _profile;
    private readonly string _defaultModel;
    private readonly string _defaultVoice;
    private readonly TextToSpeechClientMetadata _metadata;

    public OpenAIWireTextToSpeechClient(ProviderTransport transport, OpenAIWireProfile profile, string defaultModel, string defaultVoice)
    {
        _transport = transport;
        _profile = profile;
        _defaultModel = defaultModel;
        _defaultVoice = defaultVoice;
        _metadata = new TextToSpeechClientMetadata(transport.Descriptor.Id, transport.Endpoint, defaultModel);
    }

    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = _transport.ResolveModel(options?.ModelId ?? _defaultModel);
        var body = new WireSpeechRequest
        {
            Model = model,
            Input = text,
            Voice = options?.VoiceId is { Length: > 0 } voice ? voice : _defaultVoice,
            ResponseFormat = ToFormat(options?.AudioFormat),
            Speed = options?.Speed,
            Instructions = options?.AdditionalProperties?.TryGetValue(InstructionsKey, out var i) == true ? i?.ToString() : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(_profile.SpeechPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireSpeechRequest),
        };
        using var response = await _transport.SendAsync(request, model, streaming: false, cancellationToken).ConfigureAwait(false);
        var bytes = await _transport.ReadBytesAsync(response, model, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw _transport.InvalidResponse(model, "the audio body was empty", null);
        }

        var mediaType = response.Message.Content.Headers.ContentType?.MediaType is { Length: > 0 } mt && mt.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            ? mt
            : MediaTypeOf(body.ResponseFormat);
        var result = new TextToSpeechResponse([new DataContent(bytes, mediaType)])
        {
            ModelId = model,
            ResponseId = response.RequestId,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = _transport.Descriptor.Id },
        };
        if (response.RateLimits is not null)
        {
            result.AdditionalProperties[ProviderRateLimits.Key] = response.RateLimits;
        }

        return result;
    }

    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToTextToSpeechResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();

    internal static string? ToFormat(string? audioFormat) => audioFormat?.ToUpperInvariant() switch
    {
        null or "" => null,
        "AUDIO/MPEG" or "AUDIO/MP3" or "MP3" => "mp3",
        "AUDIO/OPUS" or "AUDIO/OGG" or "OPUS" => "opus",
        "AUDIO/AAC" or "AAC" => "aac",
        "AUDIO/FLAC" or "FLAC" => "flac",
        "AUDIO/WAV" or "AUDIO/X-WAV" or "AUDIO/WAVE" or "WAV" => "wav",
        "AUDIO/PCM" or "AUDIO/L16" or "PCM" => "pcm",
        _ => audioFormat,
    };

    private static string MediaTypeOf(string? format) => format switch
    {
        "opus" => "audio/opus",
        "aac" => "audio/aac",
        "flac" => "audio/flac",
        "wav" => "audio/wav",
        "pcm" => "audio/pcm",
        _ => "audio/mpeg",
    };
}
