// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>Maps Deepgram's payloads to MEAI's speech types.</summary>
internal static class DeepgramMapper
{
    /// <summary>Custom update kind of a live <c>SpeechStarted</c> (voice activity began).</summary>
    public static readonly SpeechToTextResponseUpdateKind SpeechStarted = new("deepgram.speech_started");

    /// <summary>Custom update kind of a live <c>UtteranceEnd</c> (a gap after the last word).</summary>
    public static readonly SpeechToTextResponseUpdateKind UtteranceEnd = new("deepgram.utterance_end");

    /// <summary>The pre-recorded answer as a response: first channel's best alternative, times, words, speakers, utterances, usage.</summary>
    public static SpeechToTextResponse ToResponse(DeepgramListenResponse wire, string model)
    {
        var channel = wire.Results?.Channels is { Count: > 0 } channels ? channels[0] : null;
        var alternative = channel?.Alternatives is { Count: > 0 } alternatives ? alternatives[0] : null;
        var duration = wire.Metadata?.Duration is { } d && double.IsFinite(d) && d >= 0 ? d : (double?)null;
        var response = new SpeechToTextResponse(alternative?.Transcript ?? string.Empty)
        {
            RawRepresentation = wire,
            ModelId = ModelName(wire.Metadata) ?? model,
            ResponseId = wire.Metadata?.RequestId,
            StartTime = TimeSpan.Zero,
            EndTime = duration is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Usage = Usage(duration),
        };
        var extras = response.AdditionalProperties ??= [];
        extras[AssistantProviderProperties.Provider] = DeepgramProvider.Id;
        AddAlternative(extras, alternative);
        if (duration is { } billed)
        {
            extras[DeepgramPropertyNames.Duration] = billed;
        }

        if (wire.Results?.Utterances is { Count: > 0 } utterances)
        {
            extras[DeepgramPropertyNames.UtteranceSegments] = utterances.Select(u => new DeepgramUtterance(
                u.Transcript ?? string.Empty, Seconds(u.Start), Seconds(u.End), u.Speaker, u.Channel ?? 0, u.Confidence ?? 0)).ToArray();
        }

        if (wire.Results?.Summary?.Short is { Length: > 0 } summary)
        {
            extras[DeepgramPropertyNames.Summary] = summary;
        }

        if (channel?.DetectedLanguage is { Length: > 0 } language)
        {
            extras[DeepgramPropertyNames.DetectedLanguage] = language;
        }

        return response;
    }

    /// <summary>
    /// A live <c>Results</c> message as an update: interim → <see cref="SpeechToTextResponseUpdateKind.TextUpdating"/>, final →
    /// <see cref="SpeechToTextResponseUpdateKind.TextUpdated"/>. A final with an empty transcript yields <see langword="null"/> (nothing to show).
    /// </summary>
    public static SpeechToTextResponseUpdate? ToUpdate(DeepgramLiveResults results, string model)
    {
        var alternative = results.Channel?.Alternatives is { Count: > 0 } alternatives ? alternatives[0] : null;
        var text = alternative?.Transcript ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var isFinal = results.IsFinal == true;
        var start = results.Start is { } s && double.IsFinite(s) && s >= 0 ? s : 0;
        var update = new SpeechToTextResponseUpdate(text)
        {
            Kind = isFinal ? SpeechToTextResponseUpdateKind.TextUpdated : SpeechToTextResponseUpdateKind.TextUpdating,
            RawRepresentation = results,
            ModelId = results.Metadata?.ModelInfo?.Arch ?? model,
            ResponseId = results.Metadata?.RequestId,
            StartTime = TimeSpan.FromSeconds(start),
            EndTime = results.Duration is { } d && double.IsFinite(d) && d >= 0 ? TimeSpan.FromSeconds(start + d) : null,
        };
        var extras = update.AdditionalProperties ??= [];
        extras[AssistantProviderProperties.Provider] = DeepgramProvider.Id;
        extras[DeepgramPropertyNames.MessageType] = "Results";
        extras[DeepgramPropertyNames.IsFinal] = isFinal;
        extras[DeepgramPropertyNames.SpeechFinal] = results.SpeechFinal == true;
        extras[DeepgramPropertyNames.FromFinalize] = results.FromFinalize == true;
        AddAlternative(extras, alternative);
        return update;
    }

    /// <summary>The closing live <c>Metadata</c> as the session's last update, with the billed audio duration.</summary>
    public static SpeechToTextResponseUpdate ToClose(DeepgramLiveMetadata metadata, string model, double secondsHeard)
    {
        var duration = metadata.Duration is { } d && double.IsFinite(d) && d >= 0 ? d : secondsHeard;
        var update = new SpeechToTextResponseUpdate
        {
            Kind = SpeechToTextResponseUpdateKind.SessionClose,
            RawRepresentation = metadata,
            ModelId = model,
            ResponseId = metadata.RequestId,
            StartTime = TimeSpan.Zero,
            EndTime = TimeSpan.FromSeconds(duration),
        };
        update.Contents.Add(new UsageContent(Usage(duration)!));
        update.AdditionalProperties = new()
        {
            [AssistantProviderProperties.Provider] = DeepgramProvider.Id,
            [DeepgramPropertyNames.MessageType] = "Metadata",
            [DeepgramPropertyNames.Duration] = duration,
        };
        return update;
    }

    /// <summary>A live <c>SpeechStarted</c> or <c>UtteranceEnd</c> as an update of the matching custom kind.</summary>
    public static SpeechToTextResponseUpdate ToEvent(DeepgramLiveEvent message, string model)
    {
        var speechStarted = message.Type == "SpeechStarted";
        var at = (speechStarted ? message.Timestamp : message.LastWordEnd) is { } t && double.IsFinite(t) && t >= 0 ? t : 0;
        return new SpeechToTextResponseUpdate
        {
            Kind = speechStarted ? SpeechStarted : UtteranceEnd,
            RawRepresentation = message,
            ModelId = model,
            StartTime = TimeSpan.FromSeconds(at),
            AdditionalProperties = new()
            {
                [AssistantProviderProperties.Provider] = DeepgramProvider.Id,
                [DeepgramPropertyNames.MessageType] = message.Type,
                [DeepgramPropertyNames.Timestamp] = at,
            },
        };
    }

    /// <summary>The usage of <paramref name="seconds"/> of audio (Deepgram bills audio time): <c>audio_seconds</c>, rounded up.</summary>
    public static UsageDetails? Usage(double? seconds) =>
        seconds is { } s ? new UsageDetails { AdditionalCounts = new() { ["audio_seconds"] = (long)Math.Ceiling(s) } } : null;

    private static void AddAlternative(AdditionalPropertiesDictionary extras, DeepgramAlternative? alternative)
    {
        if (alternative?.Confidence is { } confidence)
        {
            extras[DeepgramPropertyNames.Confidence] = confidence;
        }

        if (alternative?.Words is not { Count: > 0 } words)
        {
            return;
        }

        var mapped = words.Select(w => new DeepgramWord(
            w.PunctuatedWord ?? w.Word ?? string.Empty, Seconds(w.Start), Seconds(w.End), w.Confidence ?? 0, w.Speaker)).ToArray();
        extras[DeepgramPropertyNames.Words] = mapped;
        var speakers = mapped.Where(w => w.Speaker is not null).Select(w => w.Speaker!.Value).Distinct().ToArray();
        if (speakers.Length > 0)
        {
            extras[DeepgramPropertyNames.Speakers] = speakers;
        }
    }

    private static TimeSpan Seconds(double? value) =>
        value is { } v && double.IsFinite(v) && v >= 0 ? TimeSpan.FromSeconds(v) : TimeSpan.Zero;

    private static string? ModelName(DeepgramListenMetadata? metadata) =>
        metadata?.ModelInfo is { Count: > 0 } info && metadata.Models is { Count: > 0 } models && info.TryGetValue(models[0], out var first)
            ? first.Arch ?? first.Name
            : null;

    /// <summary>
    /// Maps <c>GET /v1/models</c>: one descriptor per canonical model name (the value <c>model=</c> takes), speech-to-text ones with
    /// <see cref="ModelCapabilities.Streaming"/> when the vendor says they stream, text-to-speech voices as streaming speech.
    /// A model seen twice (Deepgram lists a name once per language) is merged; entries without a name are skipped.
    /// </summary>
    public static IReadOnlyList<ModelDescriptor> ToModels(DeepgramModelsResponse response, string providerId)
    {
        var models = new Dictionary<string, ModelDescriptor>(StringComparer.Ordinal);
        foreach (var stt in response.Stt ?? [])
        {
            var capabilities = stt.Streaming == true ? ModelCapabilities.SpeechToText | ModelCapabilities.Streaming : ModelCapabilities.SpeechToText;
            Add(models, providerId, stt.CanonicalName ?? stt.Name, stt.Name, capabilities, stt.Languages);
        }

        foreach (var tts in response.Tts ?? [])
        {
            Add(models, providerId, tts.CanonicalName ?? tts.Name, tts.Name, ModelCapabilities.TextToSpeech | ModelCapabilities.Streaming, tts.Languages);
        }

        return [.. models.Values];
    }

    private static void Add(Dictionary<string, ModelDescriptor> models, string providerId, string? id, string? name, ModelCapabilities capabilities, List<string>? languages)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return;
        }

        if (!models.TryGetValue(id, out var model))
        {
            model = new ModelDescriptor(providerId, id)
            {
                DisplayName = name,
                Locality = ProviderLocality.Cloud,
                Discovered = true,
                OwnedBy = "deepgram",
            };
            models.Add(id, model);
        }

        model.Capabilities |= capabilities;
        if (languages is { Count: > 1 } && !model.Tasks.Contains("multilingual"))
        {
            model.Tasks.Add("multilingual");
        }
    }
}
