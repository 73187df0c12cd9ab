// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// The OpenAI-wire <c>/audio/transcriptions</c> client (OpenAI, Groq and other Whisper-compatible servers). Sends the audio as
/// multipart <c>file</c> with <c>model</c>, <c>language</c> and <c>response_format</c>; reads JSON or plain-text answers.
/// Vendor knobs come from <see cref="SpeechToTextOptions.AdditionalProperties"/>: <c>prompt</c>, <c>temperature</c>,
/// <c>response_format</c> and <c>file_name</c>.
/// </summary>
internal sealed class OpenAIWireSpeechToTextClient : ISpeechToTextClient
{
    public const string PromptKey = "prompt";
    public const string TemperatureKey = "temperature";
    public const string ResponseFormatKey = "response_format";
    public const string FileNameKey = "file_name";

    private readonly ProviderTransport _transport;
    private readonly OpenAIWireProfile _profile;
    private readonly string _defaultModel;
    private readonly SpeechToTextClientMetadata _metadata;

    public OpenAIWireSpeechToTextClient(ProviderTransport transport, OpenAIWireProfile profile, string defaultModel)
    {
        _transport = transport;
        _profile = profile;
        _defaultModel = defaultModel;
        _metadata = new SpeechToTextClientMetadata(transport.Descriptor.Id, transport.Endpoint, defaultModel);
    }

    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        var model = _transport.ResolveModel(options?.ModelId ?? _defaultModel);
        var format = Property(options, ResponseFormatKey) ?? _profile.TranscriptionResponseFormat(model);
        // Buffer the audio: the caller keeps ownership of its stream (StreamContent would dispose it with the request).
        using var buffer = new MemoryStream();
        await audioSpeechStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        var fileName = Property(options, FileNameKey) ?? (audioSpeechStream is FileStream fs ? Path.GetFileName(fs.Name) : "audio.wav");
        file.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeFor(fileName));
        form.Add(file, "file", fileName);
        form.Add(new StringContent(model), "model");
        form.Add(new StringContent(format), "response_format");
        if (options?.SpeechLanguage is { Length: > 0 } language)
        {
            form.Add(new StringContent(language), "language");
        }

        if (Property(options, PromptKey) is { } prompt)
        {
            form.Add(new StringContent(prompt), "prompt");
        }

        if (Property(options, TemperatureKey) is { } temperature)
        {
            form.Add(new StringContent(temperature), "temperature");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(_profile.TranscriptionsPath)) { Content = form };
        using var response = await _transport.SendAsync(request, model, streaming: false, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Message.Content.Headers.ContentType?.MediaType;
        SpeechToTextResponse result;
        if (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var wire = await _transport.ReadJsonAsync(response, OpenAIWireJsonContext.Default.WireTranscription, model, cancellationToken).ConfigureAwait(false);
            result = new SpeechToTextResponse(wire.Text ?? string.Empty)
            {
                RawRepresentation = wire,
                EndTime = wire.Duration is { } d && double.IsFinite(d) && d >= 0 ? TimeSpan.FromSeconds(d) : null,
                Usage = ToUsage(wire.Usage),
            };
            if (wire.Language is { Length: > 0 } lang)
            {
                (result.AdditionalProperties ??= [])["language"] = lang;
            }
        }
        else
        {
            var bytes = await _transport.ReadBytesAsync(response, model, cancellationToken).ConfigureAwait(false);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            result = new SpeechToTextResponse(text.Trim()) { RawRepresentation = text };
        }

        result.ModelId = model;
        result.ResponseId = response.RequestId;
        (result.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = _transport.Descriptor.Id;
        if (response.RateLimits is not null)
        {
            result.AdditionalProperties[ProviderRateLimits.Key] = response.RateLimits;
        }

        return result;
    }

    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetTextAsync(audioSpeechStream, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToSpeechToTextResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();

    internal static UsageDetails? ToUsage(JsonElement? usage)
    {
        if (usage is not { ValueKind: JsonValueKind.Object } u)
        {
            return null;
        }

        long? Long(string name) => u.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
        var details = new UsageDetails
        {
            InputTokenCount = Long("input_tokens"),
            OutputTokenCount = Long("output_tokens"),
            TotalTokenCount = Long("total_tokens"),
        };
        if (u.TryGetProperty("seconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number && seconds.TryGetDouble(out var s))
        {
            details.AdditionalCounts = new() { ["audio_seconds"] = (long)Math.Ceiling(s) };
        }

        return details;
    }

    private static string? Property(SpeechToTextOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    private static string MediaTypeFor(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".MP3" or ".MPGA" or ".MPEG" => "audio/mpeg",
        ".M4A" or ".MP4" => "audio/mp4",
        ".OGG" or ".OGA" => "audio/ogg",
        ".FLAC" => "audio/flac",
        ".WEBM" => "audio/webm",
        _ => "audio/wav",
    };
}
