// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>Builds the <c>/v1/listen</c> and <c>/v1/speak</c> query strings from the options and <see cref="DeepgramPropertyNames"/>.</summary>
internal static class DeepgramQuery
{
    private static readonly string[] Encodings = ["linear16", "linear32", "flac", "alaw", "mulaw", "amr-nb", "amr-wb", "opus", "ogg-opus", "speex", "g729"];

    /// <summary>The raw-audio settings of a request, checked before anything is sent.</summary>
    public static (string? Encoding, string? SampleRate) RawAudio(AdditionalPropertiesDictionary? properties, string model)
    {
        var encoding = Get(properties, DeepgramPropertyNames.Encoding);
        var sampleRate = Get(properties, DeepgramPropertyNames.SampleRate);
        if (encoding is not null && !Encodings.Contains(encoding, StringComparer.OrdinalIgnoreCase))
        {
            throw DeepgramErrors.UnsupportedEncoding(encoding, model);
        }

        if (sampleRate is not null &&
            (!int.TryParse(sampleRate, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) || rate < 8000 || rate > 192000))
        {
            throw DeepgramErrors.UnsupportedSampleRate(sampleRate, model);
        }

        if (encoding is not null && sampleRate is null && !encoding.Contains("opus", StringComparison.OrdinalIgnoreCase) && encoding != "flac")
        {
            throw DeepgramErrors.MissingSampleRate(model);
        }

        return (encoding, sampleRate);
    }

    /// <summary>The query of a pre-recorded or live <c>/v1/listen</c> call.</summary>
    public static string Listen(SpeechToTextOptions? options, string model, bool live)
    {
        var p = options?.AdditionalProperties;
        var q = new StringBuilder("model=").Append(Uri.EscapeDataString(model));
        if (options?.SpeechLanguage is { Length: > 0 } language)
        {
            Add(q, "language", language);
        }

        Add(q, "smart_format", Get(p, DeepgramPropertyNames.SmartFormat) ?? "true");
        Add(q, "punctuate", Get(p, DeepgramPropertyNames.Punctuate));
        Add(q, "diarize", Get(p, DeepgramPropertyNames.Diarize));
        Add(q, "encoding", Get(p, DeepgramPropertyNames.Encoding));
        Add(q, "sample_rate", Get(p, DeepgramPropertyNames.SampleRate));
        Add(q, "channels", Get(p, DeepgramPropertyNames.Channels));
        if (live)
        {
            Add(q, "interim_results", Get(p, DeepgramPropertyNames.InterimResults) ?? "true");
            Add(q, "endpointing", Get(p, DeepgramPropertyNames.Endpointing));
            Add(q, "utterance_end_ms", Get(p, DeepgramPropertyNames.UtteranceEndMs));
            Add(q, "vad_events", Get(p, DeepgramPropertyNames.VadEvents));
        }
        else
        {
            Add(q, "utterances", Get(p, DeepgramPropertyNames.Utterances));
            Add(q, "paragraphs", Get(p, DeepgramPropertyNames.Paragraphs));
            Add(q, "summarize", Get(p, DeepgramPropertyNames.Summarize));
            Add(q, "detect_language", Get(p, DeepgramPropertyNames.DetectLanguage));
        }

        AddExtra(q, p);
        return q.ToString();
    }

    /// <summary>The query of a <c>/v1/speak</c> call.</summary>
    public static string Speak(TextToSpeechOptions? options, string model, string? encoding)
    {
        var p = options?.AdditionalProperties;
        var q = new StringBuilder("model=").Append(Uri.EscapeDataString(model));
        Add(q, "encoding", encoding);
        Add(q, "container", Get(p, DeepgramPropertyNames.Container));
        Add(q, "sample_rate", Get(p, DeepgramPropertyNames.OutputSampleRate));
        Add(q, "bit_rate", Get(p, DeepgramPropertyNames.BitRate));
        if (options?.Speed is { } speed)
        {
            Add(q, "speed", speed.ToString(CultureInfo.InvariantCulture));
        }

        AddExtra(q, p);
        return q.ToString();
    }

    /// <summary>Reads a knob as query text (booleans lower-case, numbers invariant), or <see langword="null"/>.</summary>
    public static string? Get(AdditionalPropertiesDictionary? properties, string key) =>
        properties?.TryGetValue(key, out var value) == true ? Format(value) : null;

    /// <summary>Reads a boolean knob.</summary>
    public static bool Flag(AdditionalPropertiesDictionary? properties, string key) =>
        string.Equals(Get(properties, key), "true", StringComparison.Ordinal);

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        string s => s.Length == 0 ? null : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void AddExtra(StringBuilder q, AdditionalPropertiesDictionary? p)
    {
        if (p?.TryGetValue(DeepgramPropertyNames.QueryParameters, out var extra) == true && extra is IEnumerable<KeyValuePair<string, string>> pairs)
        {
            foreach (var (name, value) in pairs)
            {
                Add(q, name, value);
            }
        }
    }

    private static void Add(StringBuilder q, string name, string? value)
    {
        if (value is not null)
        {
            q.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
