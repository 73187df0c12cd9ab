// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Replicate.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Replicate;

/// <summary>
/// Whisper models on Replicate as an <see cref="ISpeechToTextClient"/> (experimental MEAI API, <c>MEAI001</c>): the audio goes in the
/// model's <c>audio</c> input as a data URL (at most <see cref="MaxAudioBytes"/>; pass a URL of larger files through
/// <see cref="ReplicatePropertyNames.Input"/> <c>{"audio": "https://..."}</c>), <c>SpeechLanguage</c> becomes <c>language</c>. The
/// text is <c>output.transcription</c> (or a plain string output), the times come from <c>output.segments</c>, the detected language
/// is under <see cref="ReplicatePropertyNames.DetectedLanguage"/> and the compute time in <c>Usage.AdditionalCounts</c>. Default model
/// <c>openai/whisper</c> at a pinned version (<see cref="ReplicateClientOptions.DefaultTranscriptionModel"/>).
/// </summary>
public sealed class ReplicateSpeechToTextClient : ISpeechToTextClient
{
    /// <summary>The largest audio sent inline as a data URL: 10 MiB.</summary>
    public const int MaxAudioBytes = 10 * 1024 * 1024;

    private readonly ReplicatePredictions _predictions;
    private readonly SpeechToTextClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="ReplicateSpeechToTextClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default transcription model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public ReplicateSpeechToTextClient(ReplicateClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal ReplicateSpeechToTextClient(ReplicateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _predictions = new ReplicatePredictions(options, httpClient, logger, timeProvider);
        _metadata = new SpeechToTextClientMetadata(ReplicateProvider.Id, _predictions.Transport.Endpoint, DefaultModel);
    }

    private string DefaultModel => _predictions.Options.DefaultTranscriptionModel is { Length: > 0 } m ? m : ReplicateProvider.DefaultTranscriptionModel;

    /// <inheritdoc/>
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        cancellationToken.ThrowIfCancellationRequested();
        var model = options?.ModelId is { Length: > 0 } requested ? requested : DefaultModel;
        var audio = await ReadAsync(audioSpeechStream, model, cancellationToken).ConfigureAwait(false);
        var input = new JsonObject
        {
            ["audio"] = new DataContent(audio, AudioMediaType(audio)).Uri,
        };
        if (options?.SpeechLanguage is { Length: > 0 } language)
        {
            input["language"] = language.Split('-', '_')[0].ToLowerInvariant();
        }

        ReplicateInput.Merge(options?.AdditionalProperties, input, model);
        var run = ReplicateInput.Duration(options?.AdditionalProperties, ReplicatePropertyNames.PredictionTimeout) is { } limit ? new ReplicateRunOptions { Timeout = limit } : null;
        var dto = await _predictions.RunAsync(model, input, run, cancellationToken).ConfigureAwait(false);
        var output = dto.Output;
        var text = output.ValueKind == JsonValueKind.Object
            ? Str(output, "transcription") ?? Str(output, "text")
            : ReplicateOutputs.Text(output);
        if (text is null)
        {
            throw _predictions.Transport.InvalidResponse(model, $"prediction {dto.Id} has no transcription in its output", null);
        }

        var properties = ReplicateChatMapper.Properties(dto);
        if (output.ValueKind == JsonValueKind.Object && Str(output, "detected_language") is { } detected)
        {
            properties[ReplicatePropertyNames.DetectedLanguage] = detected;
        }

        var (start, end) = Times(output);
        return new SpeechToTextResponse([new TextContent(text.Trim())])
        {
            ModelId = dto.Model ?? model,
            ResponseId = dto.Id,
            StartTime = start,
            EndTime = end,
            AdditionalProperties = properties,
            Usage = ReplicateChatMapper.Usage(dto),
            RawRepresentation = ReplicatePrediction.From(dto),
        };
    }

    /// <summary>Transcribes the whole audio (a prediction has no partial transcripts) and returns it as updates.</summary>
    /// <param name="audioSpeechStream">The audio.</param>
    /// <param name="options">Model, language and <see cref="ReplicatePropertyNames.Input"/>.</param>
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
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _predictions.Transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _predictions.Dispose();

    private static async Task<byte[]> ReadAsync(Stream audio, string model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await audio.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxAudioBytes)
            {
                throw ReplicateErrors.BadInput("audio_too_large", $"the audio is larger than {MaxAudioBytes} bytes, the most sent inline; pass a URL as {ReplicatePropertyNames.Input} {{\"audio\": \"https://...\"}} instead. Nothing was sent.", model);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? throw ReplicateErrors.BadInput("empty_audio", "the audio stream is empty; nothing was sent.", model)
            : buffer.ToArray();
    }

    private static string AudioMediaType(ReadOnlySpan<byte> audio) =>
        audio.Length >= 12 && audio.StartsWith("RIFF"u8) ? "audio/wav"
        : audio.StartsWith("ID3"u8) || (audio.Length > 1 && audio[0] == 0xFF && (audio[1] & 0xE0) == 0xE0) ? "audio/mpeg"
        : audio.StartsWith("fLaC"u8) ? "audio/flac"
        : audio.StartsWith("OggS"u8) ? "audio/ogg"
        : "application/octet-stream";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static (TimeSpan? Start, TimeSpan? End) Times(JsonElement output)
    {
        if (output.ValueKind != JsonValueKind.Object || !output.TryGetProperty("segments", out var segments) || segments.ValueKind != JsonValueKind.Array || segments.GetArrayLength() == 0)
        {
            return (null, null);
        }

        static TimeSpan? At(JsonElement segment, string name) =>
            segment.ValueKind == JsonValueKind.Object && segment.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var s) ? TimeSpan.FromSeconds(s) : null;

        return (At(segments[0], "start"), At(segments[segments.GetArrayLength() - 1], "end"));
    }
}
