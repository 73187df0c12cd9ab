// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>Maps between MEAI speech-to-text types and AssemblyAI's transcript and streaming messages.</summary>
internal static class AssemblyAIMapper
{
    public const string AudioSecondsCount = "audio_seconds";

    /// <summary>Builds the <c>POST /v2/transcript</c> body from the options.</summary>
    public static AssemblyAITranscriptRequest ToRequest(string audioUrl, string model, SpeechToTextOptions? options)
    {
        var detect = Bool(options, AssemblyAIPropertyNames.LanguageDetection);
        var speakers = Int(options, AssemblyAIPropertyNames.SpeakersExpected);
        return new AssemblyAITranscriptRequest
        {
            AudioUrl = audioUrl,
            SpeechModels = [.. model.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            // language_code and language_detection are exclusive: detection wins when asked for.
            LanguageCode = detect == true ? null : ToLanguageCode(options?.SpeechLanguage),
            LanguageDetection = detect,
            SpeakerLabels = Bool(options, AssemblyAIPropertyNames.SpeakerLabels) ?? (speakers is > 0 ? true : null),
            SpeakersExpected = speakers,
            SentimentAnalysis = Bool(options, AssemblyAIPropertyNames.SentimentAnalysis),
        };
    }

    /// <summary>MEAI languages are BCP-47 (<c>en-US</c>); AssemblyAI's codes are lower case with underscores (<c>en_us</c>).</summary>
    public static string? ToLanguageCode(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Trim().Replace('-', '_').ToLowerInvariant();

    /// <summary>Maps a completed transcript.</summary>
    public static SpeechToTextResponse ToResponse(AssemblyAITranscript transcript, string requestedModel)
    {
        var response = new SpeechToTextResponse(transcript.Text ?? string.Empty)
        {
            ResponseId = transcript.Id,
            ModelId = transcript.SpeechModelUsed ?? requestedModel,
            RawRepresentation = transcript,
        };
        var properties = response.AdditionalProperties ??= [];
        properties[AssistantProviderProperties.Provider] = AssemblyAIProvider.Id;
        if (transcript.Id is { } id)
        {
            properties[AssemblyAIPropertyNames.TranscriptId] = id;
        }

        if (transcript.AudioDuration is { } seconds && double.IsFinite(seconds) && seconds >= 0)
        {
            response.StartTime = TimeSpan.Zero;
            response.EndTime = TimeSpan.FromSeconds(seconds);
            response.Usage = new UsageDetails { AdditionalCounts = new() { [AudioSecondsCount] = (long)Math.Ceiling(seconds) } };
        }

        AddIf(properties, AssemblyAIPropertyNames.Confidence, transcript.Confidence);
        AddIf(properties, AssemblyAIPropertyNames.LanguageCode, transcript.LanguageCode);
        AddIf(properties, AssemblyAIPropertyNames.LanguageConfidence, transcript.LanguageConfidence);
        AddIf(properties, AssemblyAIPropertyNames.SpeechModelUsed, transcript.SpeechModelUsed);
        if (ToUtterances(transcript) is { Count: > 0 } utterances)
        {
            properties[AssemblyAIPropertyNames.Utterances] = utterances;
        }

        if (ToSentiments(transcript) is { Count: > 0 } sentiments)
        {
            properties[AssemblyAIPropertyNames.SentimentAnalysisResults] = sentiments;
        }

        return response;
    }

    public static IReadOnlyList<AssemblyAIUtterance> ToUtterances(AssemblyAITranscript transcript) =>
        transcript.Utterances is not { Count: > 0 } items ? [] :
        [.. items.Where(u => u.Text is not null).Select(u => new AssemblyAIUtterance(u.Speaker ?? string.Empty, u.Text!, Ms(u.Start), Ms(u.End))
        {
            Confidence = u.Confidence,
            Channel = u.Channel,
        })];

    public static IReadOnlyList<AssemblyAISentimentResult> ToSentiments(AssemblyAITranscript transcript) =>
        transcript.SentimentAnalysisResults is not { Count: > 0 } items ? [] :
        [.. items.Where(s => s.Text is not null).Select(s => new AssemblyAISentimentResult(s.Text!, s.Sentiment ?? string.Empty, Ms(s.Start), Ms(s.End))
        {
            Confidence = s.Confidence,
            Speaker = s.Speaker,
            Channel = s.Channel,
        })];

    /// <summary>
    /// The updates of a completed pre-recorded transcript: <c>SessionOpen</c>, one <c>TextUpdated</c> per utterance (speaker and
    /// time span; the text of later utterances starts with a space, so the concatenated text reads like the transcript) or one for the
    /// whole text, and <c>SessionClose</c> with the usage and the transcript's extras.
    /// </summary>
    public static IEnumerable<SpeechToTextResponseUpdate> ToUpdates(SpeechToTextResponse response)
    {
        yield return Update(response, SpeechToTextResponseUpdateKind.SessionOpen, null);
        if (response.AdditionalProperties?.TryGetValue(AssemblyAIPropertyNames.Utterances, out var value) == true &&
            value is IReadOnlyList<AssemblyAIUtterance> { Count: > 0 } utterances)
        {
            for (var i = 0; i < utterances.Count; i++)
            {
                var u = utterances[i];
                var update = Update(response, SpeechToTextResponseUpdateKind.TextUpdated, i == 0 ? u.Text : " " + u.Text);
                update.StartTime = u.StartTime;
                update.EndTime = u.EndTime;
                var properties = update.AdditionalProperties ??= [];
                properties[AssemblyAIPropertyNames.Speaker] = u.Speaker;
                AddIf(properties, AssemblyAIPropertyNames.Confidence, u.Confidence);
                yield return update;
            }
        }
        else if (response.Text.Length > 0)
        {
            var update = Update(response, SpeechToTextResponseUpdateKind.TextUpdated, response.Text);
            update.StartTime = response.StartTime;
            update.EndTime = response.EndTime;
            yield return update;
        }

        var close = Update(response, SpeechToTextResponseUpdateKind.SessionClose, null);
        close.StartTime = response.StartTime;
        close.EndTime = response.EndTime;
        close.AdditionalProperties = response.AdditionalProperties is { } all ? new AdditionalPropertiesDictionary(all) : null;
        if (response.Usage is { } usage)
        {
            close.Contents.Add(new UsageContent(usage));
        }

        yield return close;
    }

    /// <summary>The text a live turn shows: the words (final and not yet final) for a partial, the transcript for an end of turn.</summary>
    public static string TurnText(AssemblyAIStreamingMessage turn, bool final)
    {
        if (final || turn.Words is not { Count: > 0 } words)
        {
            return turn.Transcript ?? string.Empty;
        }

        return string.Join(' ', words.Where(w => !string.IsNullOrEmpty(w.Text)).Select(w => w.Text));
    }

    /// <summary>Maps a live <c>Turn</c> to an update (<c>TextUpdated</c> when final, else <c>TextUpdating</c>).</summary>
    public static SpeechToTextResponseUpdate ToUpdate(AssemblyAIStreamingMessage turn, bool final, string? sessionId, string model)
    {
        var update = new SpeechToTextResponseUpdate(TurnText(turn, final))
        {
            Kind = final ? SpeechToTextResponseUpdateKind.TextUpdated : SpeechToTextResponseUpdateKind.TextUpdating,
            ResponseId = sessionId,
            ModelId = model,
            RawRepresentation = turn,
        };
        if (turn.Words is { Count: > 0 } words)
        {
            update.StartTime = Ms(words[0].Start);
            update.EndTime = Ms(words[^1].End);
        }

        var properties = update.AdditionalProperties = [];
        properties[AssistantProviderProperties.Provider] = AssemblyAIProvider.Id;
        AddIf(properties, AssemblyAIPropertyNames.TurnOrder, turn.TurnOrder);
        AddIf(properties, AssemblyAIPropertyNames.EndOfTurnConfidence, turn.EndOfTurnConfidence);
        AddIf(properties, AssemblyAIPropertyNames.Speaker, turn.SpeakerLabel);
        AddIf(properties, AssemblyAIPropertyNames.LanguageCode, turn.LanguageCode);
        AddIf(properties, AssemblyAIPropertyNames.LanguageConfidence, turn.LanguageConfidence);
        return update;
    }

    public static TimeSpan Ms(long? milliseconds) => milliseconds is { } ms && ms > 0 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;

    public static bool? Bool(SpeechToTextOptions? options, string key) =>
        Value(options, key) switch
        {
            null => null,
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            var other => throw AssemblyAIErrors.BadInput("invalid_option", $"option {key} must be a boolean, not '{other}'.", options?.ModelId),
        };

    public static int? Int(SpeechToTextOptions? options, string key) =>
        Value(options, key) switch
        {
            null => null,
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw AssemblyAIErrors.BadInput("invalid_option", $"option {key} must be an integer, not '{other}'.", options?.ModelId),
        };

    public static string? Str(SpeechToTextOptions? options, string key) =>
        Value(options, key) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static object? Value(SpeechToTextOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true ? value : null;

    private static SpeechToTextResponseUpdate Update(SpeechToTextResponse response, SpeechToTextResponseUpdateKind kind, string? text)
    {
        var update = text is null ? new SpeechToTextResponseUpdate() : new SpeechToTextResponseUpdate(text);
        update.Kind = kind;
        update.ResponseId = response.ResponseId;
        update.ModelId = response.ModelId;
        update.RawRepresentation = response.RawRepresentation;
        (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = AssemblyAIProvider.Id;
        return update;
    }

    private static void AddIf(AdditionalPropertiesDictionary properties, string key, object? value)
    {
        if (value is not null)
        {
            properties[key] = value;
        }
    }
}
