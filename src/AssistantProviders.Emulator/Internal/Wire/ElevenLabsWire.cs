// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// The ElevenLabs REST API: <c>v1/text-to-speech/{voice_id}</c> and <c>/stream</c> (raw audio in the <c>output_format</c> of the
/// query, <c>character-cost</c> and <c>request-id</c> headers), <c>v1/speech-to-text</c> (Scribe JSON with words and speakers),
/// <c>v1/voices</c> (list, get, delete, <c>add</c> for instant cloning), <c>v1/models</c>; errors as <c>{"detail":{"status","message"}}</c>.
/// Voices cloned here live as long as the emulator instance.
/// </summary>
internal sealed class ElevenLabsWire : WireFormat
{
    /// <summary>The premade voice every emulator knows (ElevenLabs' default "Rachel").</summary>
    public const string PremadeVoiceId = "21m00Tcm4TlvDq8ikWAM";

    private readonly ConcurrentDictionary<string, string> _voices = new(StringComparer.Ordinal) { [PremadeVoiceId] = "Rachel" };

    public override IReadOnlyList<string> MalformedFrames { get; } = ["{\"detail\":{\"status\":"];

    /// <summary>Tells whether a voice exists (premade or cloned on this instance).</summary>
    public bool HasVoice(string voiceId) => _voices.ContainsKey(voiceId);

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter)
    {
        var route = call.Route;
        const string tts = "v1/text-to-speech/";
        if (call.IsPost && route.StartsWith(tts, StringComparison.Ordinal))
        {
            var rest = route[tts.Length..];
            var stream = rest.EndsWith("/stream", StringComparison.Ordinal);
            var voice = stream ? rest[..^"/stream".Length] : rest;
            return voice.Contains('/', StringComparison.Ordinal) ? null : Speech(call, Uri.UnescapeDataString(voice));
        }

        if (route == "v1/speech-to-text" && call.IsPost)
        {
            return Transcription(call);
        }

        if (route == "v1/voices/add" && call.IsPost)
        {
            return AddVoice(call);
        }

        if (route == "v1/voices" && call.IsGet)
        {
            return EmulatorReply.Json(new JsonObject { ["voices"] = new JsonArray([.. _voices.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (JsonNode)Voice(v.Key, v.Value))]) });
        }

        if (route.StartsWith("v1/voices/", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(route["v1/voices/".Length..]);
            if (call.IsGet)
            {
                return _voices.TryGetValue(id, out var name) ? EmulatorReply.Json(Voice(id, name)) : VoiceNotFound(id);
            }

            if (HttpMethodsIsDelete(call))
            {
                return _voices.TryRemove(id, out _) ? EmulatorReply.Json(new JsonObject { ["status"] = "ok" }) : VoiceNotFound(id);
            }
        }

        if (route == "v1/models" && call.IsGet)
        {
            return EmulatorReply.Json(new JsonArray(
                Model("eleven_multilingual_v2", "Eleven Multilingual v2", ["en", "de", "fr", "es", "it"]),
                Model("eleven_flash_v2_5", "Eleven Flash v2.5", ["en", "de", "fr", "es", "ja"]),
                Model("eleven_flash_v2", "Eleven Flash v2", ["en"])));
        }

        return null;
    }

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var (status, text) = kind switch
        {
            ErrorKind.Unauthorized => ("invalid_api_key", "Invalid API key"),
            ErrorKind.RateLimited => ("too_many_concurrent_requests", "Too many concurrent requests (emulated)."),
            ErrorKind.NotFound => ("not_found", DefaultMessage(kind)),
            ErrorKind.Server or ErrorKind.Unavailable or ErrorKind.Overloaded => ("system_busy", DefaultMessage(kind)),
            _ => ("invalid_request", DefaultMessage(kind)),
        };
        return Detail(status, message ?? text, StatusOf(kind));
    }

    /// <summary>The audio the emulator speaks for <paramref name="text"/> in <paramref name="format"/> (the same bytes for both routes and the socket).</summary>
    public static (byte[] Audio, string MediaType) Audio(string text, string? format) => (format ?? "mp3_44100_128").Split('_')[0] switch
    {
        "pcm" => (AudioPayloads.Pcm(text), "audio/pcm"),
        "ulaw" or "alaw" => (AudioPayloads.Pcm(text)[..Math.Max(1, AudioPayloads.Pcm(text).Length / 4)], "audio/basic"),
        _ => (AudioPayloads.Mp3(text), "audio/mpeg"),
    };

    private static bool HttpMethodsIsDelete(EmulatorCall call) => Microsoft.AspNetCore.Http.HttpMethods.IsDelete(call.Http.Request.Method);

    private static EmulatorReply Detail(string status, string message, int code) =>
        EmulatorReply.Json(new JsonObject { ["detail"] = new JsonObject { ["status"] = status, ["message"] = message } }, code);

    private static EmulatorReply VoiceNotFound(string id) =>
        Detail("voice_not_found", $"A voice with the voice_id {id} was not found.", 404);

    private static JsonObject Voice(string id, string name) => new()
    {
        ["voice_id"] = id,
        ["name"] = name,
        ["category"] = id == PremadeVoiceId ? "premade" : "cloned",
        ["labels"] = new JsonObject { ["accent"] = "american" },
        ["description"] = null,
        ["preview_url"] = null,
        ["available_for_tiers"] = new JsonArray(),
        ["high_quality_base_model_ids"] = new JsonArray(),
        ["settings"] = new JsonObject { ["stability"] = 0.5, ["similarity_boost"] = 0.75, ["style"] = 0.0, ["use_speaker_boost"] = true, ["speed"] = 1.0 },
    };

    private static JsonObject Model(string id, string name, string[] languages) => new()
    {
        ["model_id"] = id,
        ["name"] = name,
        ["can_do_text_to_speech"] = true,
        ["description"] = name + " (emulated)",
        ["maximum_text_length_per_request"] = 10000,
        ["languages"] = new JsonArray([.. languages.Select(l => (JsonNode)new JsonObject { ["language_id"] = l, ["name"] = l })]),
    };

    private EmulatorReply Speech(EmulatorCall call, string voice)
    {
        if (!_voices.ContainsKey(voice))
        {
            return VoiceNotFound(voice);
        }

        var text = JsonText.Str(call.Json, "text");
        if (string.IsNullOrEmpty(text))
        {
            return Detail("invalid_request", "'text' is required.", 422);
        }

        var (audio, mediaType) = Audio(text, call.Http.Request.Query["output_format"].ToString() is { Length: > 0 } f ? f : null);
        var reply = EmulatorReply.Binary(audio, mediaType);
        reply.Headers["character-cost"] = text.Length.ToString(CultureInfo.InvariantCulture);
        reply.Headers["history-item-id"] = Deterministic.Id("hist_", call.Seed, 20);
        reply.Headers["request-id"] = Deterministic.Id("req_", call.Seed, 20);
        return reply;
    }

    private static EmulatorReply Transcription(EmulatorCall call)
    {
        if (!call.IsMultipart)
        {
            return Detail("invalid_request", "The request must be multipart/form-data with a 'file' part.", 422);
        }

        var form = call.Http.Request.Form;
        if (form.Files.Count == 0 || form.Files[0].Length == 0)
        {
            return Detail("invalid_request", "'file' is required.", 422);
        }

        var diarize = string.Equals(form["diarize"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var words = new JsonArray();
        var t = 0.0;
        var split = Deterministic.SplitWords(EmulatorDefaults.TranscriptText);
        for (var i = 0; i < split.Count; i++)
        {
            // Two speakers: the first half of the sentence is speaker_0, the rest speaker_1.
            var speaker = diarize ? (i < split.Count / 2 ? "speaker_0" : "speaker_1") : null;
            var word = split[i].TrimStart();
            if (word.Length < split[i].Length)
            {
                words.Add((JsonNode)Word(split[i][..^word.Length], "spacing", t, t, speaker));
            }

            words.Add((JsonNode)Word(word, "word", t, t + 0.4, speaker));
            t += 0.4;
        }

        return EmulatorReply.Json(new JsonObject
        {
            ["language_code"] = "eng",
            ["language_probability"] = 0.98,
            ["text"] = EmulatorDefaults.TranscriptText,
            ["words"] = words,
            ["transcription_id"] = Deterministic.Id("tr_", call.Seed, 20),
            ["audio_duration_secs"] = Math.Round(t, 2),
        });

        static JsonObject Word(string text, string type, double start, double end, string? speaker) => new()
        {
            ["text"] = text,
            ["start"] = Math.Round(start, 3),
            ["end"] = Math.Round(end, 3),
            ["type"] = type,
            ["speaker_id"] = speaker,
            ["logprob"] = 0,
        };
    }

    private EmulatorReply AddVoice(EmulatorCall call)
    {
        if (!call.IsMultipart)
        {
            return Detail("invalid_request", "The request must be multipart/form-data.", 422);
        }

        var form = call.Http.Request.Form;
        var name = form["name"].ToString();
        if (name.Length == 0 || form.Files.GetFiles("files").Count == 0)
        {
            return Detail("invalid_request", "'name' and at least one 'files' part are required.", 422);
        }

        var id = Deterministic.Id("voice_", call.Seed, 20);
        _voices[id] = name;
        return EmulatorReply.Json(new JsonObject { ["voice_id"] = id, ["requires_verification"] = false });
    }
}
