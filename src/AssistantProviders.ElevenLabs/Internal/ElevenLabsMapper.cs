// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>Maps MEAI options to the ElevenLabs wire and ElevenLabs answers back to MEAI and the public types.</summary>
internal static class ElevenLabsMapper
{
    /// <summary>English-only models: a non-English <c>Language</c> with no model named switches to the multilingual model.</summary>
    private static readonly HashSet<string> EnglishOnly = new(StringComparer.OrdinalIgnoreCase) { "eleven_flash_v2", "eleven_turbo_v2", "eleven_monolingual_v1" };

    /// <summary>Models that take <c>language_code</c> (the spec: not the multilingual v2 or English-only ones).</summary>
    private static readonly HashSet<string> TakesLanguageCode = new(StringComparer.OrdinalIgnoreCase) { "eleven_flash_v2_5", "eleven_turbo_v2_5", "eleven_v3" };

    /// <summary>Resolves voice, model, format and body; bad input throws before any request.</summary>
    public static ElevenLabsSpeechPlan Plan(string text, TextToSpeechOptions? options, ElevenLabsClientOptions clientOptions, ILogger logger, ITextToSpeechClient client)
    {
        var properties = options?.AdditionalProperties;
        var language = options?.Language is { Length: > 0 } l ? l.Trim() : null;
        var model = ResolveModel(options?.ModelId, language, clientOptions, logger);
        var voice = options?.VoiceId is { Length: > 0 } v ? v.Trim()
            : clientOptions.DefaultVoiceId is { Length: > 0 } dv ? dv
            : clientOptions.DefaultVoiceId is null ? ElevenLabsProvider.DefaultVoiceId
            : throw ElevenLabsErrors.NoVoice(model);
        var requestedFormat = String(properties, ElevenLabsPropertyNames.OutputFormat) ?? options?.AudioFormat;
        var format = ElevenLabsOutputFormat.Resolve(requestedFormat, clientOptions.DefaultOutputFormat ?? ElevenLabsProvider.DefaultOutputFormat)
            ?? throw ElevenLabsErrors.UnsupportedFormat(requestedFormat!, model);
        if (!ElevenLabsOutputFormat.Known.Contains(format))
        {
            throw ElevenLabsErrors.UnsupportedFormat(format, model);
        }

        var request = options?.RawRepresentationFactory?.Invoke(client) as ElevenLabsSpeechRequest ?? new ElevenLabsSpeechRequest();
        request.Text = text;
        request.ModelId ??= model;
        request.LanguageCode ??= language is not null && TakesLanguageCode.Contains(request.ModelId) ? Iso639_1(language) : null;
        request.VoiceSettings ??= VoiceSettings(options);
        request.Seed ??= Long(properties, ElevenLabsPropertyNames.Seed);
        request.PreviousText ??= String(properties, ElevenLabsPropertyNames.PreviousText);
        request.NextText ??= String(properties, ElevenLabsPropertyNames.NextText);
        request.ApplyTextNormalization ??= String(properties, ElevenLabsPropertyNames.ApplyTextNormalization);
        return new ElevenLabsSpeechPlan(voice, request.ModelId, format, request);
    }

    public static string ResolveModel(string? requested, string? language, ElevenLabsClientOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return requested.Trim();
        }

        var model = !string.IsNullOrWhiteSpace(options.DefaultModel) ? options.DefaultModel : ElevenLabsProvider.DefaultModel;
        if (language is not null && !IsEnglish(language) && EnglishOnly.Contains(model))
        {
            model = !string.IsNullOrWhiteSpace(options.DefaultMultilingualModel) ? options.DefaultMultilingualModel : ElevenLabsProvider.DefaultMultilingualModel;
            Log.ModelChosenByLanguage(logger, language, model);
        }

        return model;
    }

    public static ElevenLabsVoiceSettingsDto? VoiceSettings(TextToSpeechOptions? options)
    {
        var properties = options?.AdditionalProperties;
        var given = properties is not null && properties.TryGetValue(ElevenLabsPropertyNames.VoiceSettings, out var s) ? s as ElevenLabsVoiceSettings : null;
        var dto = new ElevenLabsVoiceSettingsDto
        {
            Stability = Double(properties, ElevenLabsPropertyNames.Stability) ?? given?.Stability,
            SimilarityBoost = Double(properties, ElevenLabsPropertyNames.SimilarityBoost) ?? given?.SimilarityBoost,
            Style = Double(properties, ElevenLabsPropertyNames.Style) ?? given?.Style,
            UseSpeakerBoost = Bool(properties, ElevenLabsPropertyNames.UseSpeakerBoost) ?? given?.UseSpeakerBoost,
            Speed = options?.Speed is { } speed ? speed : given?.Speed,
        };
        return dto is { Stability: null, SimilarityBoost: null, Style: null, UseSpeakerBoost: null, Speed: null } ? null : dto;
    }

    public static ElevenLabsVoice ToVoice(ElevenLabsVoiceDto dto)
    {
        var voice = new ElevenLabsVoice(dto.VoiceId ?? throw new JsonException("voice_id is missing"), dto.Name ?? string.Empty)
        {
            Category = dto.Category,
            Description = dto.Description,
            PreviewUrl = Uri.TryCreate(dto.PreviewUrl, UriKind.Absolute, out var url) ? url : null,
            Settings = dto.Settings is { } s
                ? new ElevenLabsVoiceSettings { Stability = s.Stability, SimilarityBoost = s.SimilarityBoost, Style = s.Style, UseSpeakerBoost = s.UseSpeakerBoost, Speed = s.Speed }
                : null,
        };
        foreach (var (key, value) in dto.Labels ?? [])
        {
            voice.Labels[key] = value;
        }

        return voice;
    }

    public static ModelDescriptor ToModel(ElevenLabsModelDto dto, string providerId)
    {
        var id = dto.ModelId ?? throw new JsonException("model_id is missing");
        var model = new ModelDescriptor(providerId, id)
        {
            DisplayName = dto.Name,
            Capabilities = dto.CanDoTextToSpeech == false ? ModelCapabilities.None : ModelCapabilities.TextToSpeech | ModelCapabilities.Streaming,
            Locality = ProviderLocality.Cloud,
            Discovered = true,
            OwnedBy = "elevenlabs",
        };
        if (dto.Languages is { Count: > 1 })
        {
            model.Tasks.Add("multilingual");
        }

        return model;
    }

    /// <summary>Maps a Scribe transcript: the text, one <see cref="TextContent"/> per speaker turn, words and speakers.</summary>
    public static SpeechToTextResponse ToResponse(ElevenLabsTranscript transcript, string model, string providerId)
    {
        var words = (transcript.Words ?? []).Select(w => new ElevenLabsWord(
            w.Text ?? string.Empty,
            w.Type ?? "word",
            Seconds(w.Start),
            Seconds(w.End),
            w.SpeakerId,
            w.Logprob ?? 0)).ToList();
        var text = transcript.Text ?? string.Concat(words.Select(w => w.Text));
        var contents = Segments(words, text);
        var response = new SpeechToTextResponse(contents)
        {
            ModelId = model,
            ResponseId = transcript.TranscriptionId,
            RawRepresentation = transcript,
            AdditionalProperties = new()
            {
                [AssistantProviderProperties.Provider] = providerId,
                [ElevenLabsPropertyNames.Words] = words,
                [ElevenLabsPropertyNames.Speakers] = words.Select(w => w.SpeakerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            },
        };
        if (transcript.LanguageCode is { } code)
        {
            response.AdditionalProperties[ElevenLabsPropertyNames.LanguageCode] = code;
        }

        if (transcript.LanguageProbability is { } probability)
        {
            response.AdditionalProperties[ElevenLabsPropertyNames.LanguageProbability] = probability;
        }

        if (transcript.AudioDurationSecs is { } duration && double.IsFinite(duration) && duration >= 0)
        {
            response.StartTime = TimeSpan.Zero;
            response.EndTime = TimeSpan.FromSeconds(duration);
        }
        else
        {
            response.StartTime = words.FirstOrDefault(w => w.Start is not null)?.Start;
            response.EndTime = words.LastOrDefault(w => w.End is not null)?.End;
        }

        return response;
    }

    /// <summary>Consecutive words of one speaker form a segment; when the words do not spell the text, one segment holds it all.</summary>
    private static List<AIContent> Segments(List<ElevenLabsWord> words, string text)
    {
        if (words.Count == 0 || !string.Equals(string.Concat(words.Select(w => w.Text)), text, StringComparison.Ordinal))
        {
            return [new TextContent(text)];
        }

        var segments = new List<AIContent>();
        var start = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            if (i < words.Count && (words[i].SpeakerId == words[start].SpeakerId || words[i].Type == "spacing"))
            {
                continue;
            }

            var run = words.GetRange(start, i - start);
            var segment = new TextContent(string.Concat(run.Select(w => w.Text))) { AdditionalProperties = [] };
            if (run[0].SpeakerId is { } speaker)
            {
                segment.AdditionalProperties[ElevenLabsPropertyNames.SpeakerId] = speaker;
            }

            if (run.FirstOrDefault(w => w.Start is not null)?.Start is { } s)
            {
                segment.AdditionalProperties[ElevenLabsPropertyNames.StartTime] = s;
            }

            if (run.LastOrDefault(w => w.End is not null)?.End is { } e)
            {
                segment.AdditionalProperties[ElevenLabsPropertyNames.EndTime] = e;
            }

            segments.Add(segment);
            start = i;
        }

        return segments;
    }

    public static ElevenLabsAlignment? ToAlignment(ElevenLabsSocketAlignment? alignment) =>
        alignment?.Chars is { } chars
            ? new ElevenLabsAlignment(chars, alignment.CharStartTimesMs ?? [], alignment.CharsDurationsMs ?? [])
            : null;

    public static string? String(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) && value is not null
            ? value is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    public static bool? Bool(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            _ => null,
        }
        : null;

    public static double? Double(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            _ => null,
        }
        : null;

    public static long? Long(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) ? value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt64(),
            IConvertible c => c.ToInt64(CultureInfo.InvariantCulture),
            _ => null,
        }
        : null;

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s && double.IsFinite(s) && s >= 0 ? TimeSpan.FromSeconds(s) : null;

    private static bool IsEnglish(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && (language.Length == 2 || language[2] is '-' or '_' || language.Equals("eng", StringComparison.OrdinalIgnoreCase));

    private static string Iso639_1(string language)
    {
        var dash = language.IndexOfAny(['-', '_']);
        return (dash < 0 ? language : language[..dash]).ToLowerInvariant();
    }
}
