// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Deepgram's REST API: pre-recorded <c>v1/listen</c> (raw audio body, or <c>{"url": ...}</c>) answering the emulator transcript
/// with word timings (speakers with <c>diarize=true</c>, utterances with <c>utterances=true</c>), and Aura <c>v1/speak</c>
/// answering audio bytes in the asked encoding, and <c>v1/models</c> (a few speech-to-text models and Aura voices). Errors in Deepgram's <c>{"err_code","err_msg","request_id"}</c> shape.
/// </summary>
internal sealed class DeepgramWire : WireFormat
{
    /// <summary>The model uuid the emulator reports (any fixed value).</summary>
    public const string ModelUuid = "2187e11a-3532-4498-b076-81fa530bdd49";

    public override IReadOnlyList<string> MalformedFrames { get; } = ["{\"metadata\":{\"request_id\":"];

    public override string StreamContentType => "audio/mpeg";

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter) => call.Route switch
    {
        "v1/listen" when call.IsPost => Listen(call),
        "v1/speak" when call.IsPost => Speak(call),
        "v1/models" when call.IsGet => Models(),
        _ => null,
    };

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var code = kind switch
        {
            ErrorKind.Unauthorized => "INVALID_AUTH",
            ErrorKind.RateLimited => "TOO_MANY_REQUESTS",
            ErrorKind.NotFound => "NOT_FOUND",
            ErrorKind.Server or ErrorKind.Unavailable or ErrorKind.Overloaded => "INTERNAL_SERVER_ERROR",
            _ => "Bad Request",
        };
        var text = message ?? kind switch
        {
            ErrorKind.Unauthorized => "Invalid credentials.",
            ErrorKind.InvalidRequest => "Bad Request: failed to process audio: corrupt or unsupported data",
            _ => DefaultMessage(kind),
        };
        return EmulatorReply.Json(new JsonObject { ["err_code"] = code, ["err_msg"] = text, ["request_id"] = "00000000-0000-4000-8000-000000000000" }, StatusOf(kind));
    }

    /// <summary>Seconds of audio in a body: a WAV header's byte rate, else 16 kHz 16-bit mono.</summary>
    public static double Seconds(ReadOnlySpan<byte> head, long totalBytes)
    {
        var byteRate = 32_000;
        var header = 0;
        if (head.Length >= 44 && head[..4].SequenceEqual("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            byteRate = Math.Max(1, BinaryPrimitives.ReadInt32LittleEndian(head[28..]));
            header = 44;
        }

        return Math.Round(Math.Max(0, totalBytes - header) / (double)byteRate, 3);
    }

    /// <summary>The words of the transcript spread over <paramref name="seconds"/>, Deepgram's word shape.</summary>
    public static JsonArray Words(string transcript, double offset, double seconds, bool diarize)
    {
        var words = transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var step = words.Length == 0 ? 0 : Math.Max(seconds, 0.1 * words.Length) / words.Length;
        var array = new JsonArray();
        for (var i = 0; i < words.Length; i++)
        {
            var word = new JsonObject
            {
                ["word"] = words[i].Trim(',', '.', '?', '!').ToLowerInvariant(),
                ["start"] = Math.Round(offset + (i * step), 3),
                ["end"] = Math.Round(offset + ((i + 1) * step), 3),
                ["confidence"] = 0.99,
                ["punctuated_word"] = words[i],
            };
            if (diarize)
            {
                word["speaker"] = i < words.Length / 2 ? 0 : 1;
                word["speaker_confidence"] = 0.9;
            }

            array.Add((JsonNode)word);
        }

        return array;
    }

    private static EmulatorReply Models()
    {
        static JsonObject Stt(string name, string canonical, bool streaming, params string[] languages) => new()
        {
            ["name"] = name,
            ["canonical_name"] = canonical,
            ["architecture"] = name.Split('-')[0],
            ["languages"] = new JsonArray([.. languages.Select(l => (JsonNode)l)]),
            ["version"] = "2025-04-17.21547",
            ["uuid"] = ModelUuid,
            ["batch"] = true,
            ["streaming"] = streaming,
            ["formatted_output"] = true,
        };
        static JsonObject Tts(string name, string canonical) => new()
        {
            ["name"] = name,
            ["canonical_name"] = canonical,
            ["architecture"] = "aura-2",
            ["languages"] = new JsonArray("en", "en-US"),
            ["version"] = "2025-04-08.0",
            ["uuid"] = "c3d4b1f2-7d3e-4b8f-9a0e-2f6a1c5b9e71",
            ["metadata"] = new JsonObject { ["accent"] = "American", ["tags"] = new JsonArray("feminine") },
        };
        return EmulatorReply.Json(new JsonObject
        {
            ["stt"] = new JsonArray(
                Stt("nova-3", "nova-3-general", true, "en", "en-US", "multi"),
                Stt("nova-3", "nova-3-medical", true, "en"),
                Stt("nova-2", "nova-2-general", true, "en", "es"),
                Stt("whisper", "whisper-large", false, "en", "de", "fr")),
            ["tts"] = new JsonArray(Tts("thalia", "aura-2-thalia-en"), Tts("asteria", "aura-asteria-en")),
        });
    }

    private static bool Flag(EmulatorCall call, string name) =>
        string.Equals(call.Http.Request.Query[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private EmulatorReply Listen(EmulatorCall call)
    {
        var isUrl = call.Json is JsonObject json && JsonText.Str(json, "url") is { Length: > 0 };
        if (!isUrl && call.Body.Length == 0)
        {
            return Error(ErrorKind.InvalidRequest, null, null);
        }

        var model = call.Http.Request.Query["model"].ToString() is { Length: > 0 } m ? m : "nova-3";
        var seconds = isUrl ? 11.0 : Seconds(call.Body, call.Body.Length);
        var diarize = Flag(call, "diarize");
        var transcript = EmulatorDefaults.TranscriptText;
        var id = Deterministic.Uuid(call.Seed);
        var results = new JsonObject
        {
            ["channels"] = new JsonArray(new JsonObject
            {
                ["alternatives"] = new JsonArray(new JsonObject
                {
                    ["transcript"] = transcript,
                    ["confidence"] = 0.99,
                    ["words"] = Words(transcript, 0, seconds, diarize),
                }),
            }),
        };
        if (Flag(call, "utterances"))
        {
            results["utterances"] = new JsonArray(new JsonObject
            {
                ["start"] = 0.0,
                ["end"] = seconds,
                ["confidence"] = 0.99,
                ["channel"] = 0,
                ["transcript"] = transcript,
                ["words"] = Words(transcript, 0, seconds, diarize),
                ["speaker"] = 0,
                ["id"] = Deterministic.Uuid(call.Seed + 1),
            });
        }

        return EmulatorReply.Json(new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["transaction_key"] = "deprecated",
                ["request_id"] = id,
                ["sha256"] = Deterministic.Hash(call.Body).ToString("x16", CultureInfo.InvariantCulture),
                ["created"] = "2026-01-01T00:00:00.000Z",
                ["duration"] = seconds,
                ["channels"] = 1,
                ["models"] = new JsonArray(ModelUuid),
                ["model_info"] = new JsonObject { [ModelUuid] = new JsonObject { ["name"] = "general-" + model, ["version"] = "2026-01-01.0", ["arch"] = model } },
            },
            ["results"] = results,
        });
    }

    private EmulatorReply Speak(EmulatorCall call)
    {
        if (JsonText.Str(call.Json, "text") is not { Length: > 0 } text)
        {
            return Error(ErrorKind.InvalidRequest, "Bad Request: the text field is required.", null);
        }

        var query = call.Http.Request.Query;
        var encoding = query["encoding"].ToString() is { Length: > 0 } e ? e : "mp3";
        var container = query["container"].ToString();
        return encoding switch
        {
            "mp3" => EmulatorReply.Binary(AudioPayloads.Mp3(text), "audio/mpeg"),
            "linear16" when container == "none" => EmulatorReply.Binary(AudioPayloads.Pcm(text), "application/octet-stream"),
            "linear16" => EmulatorReply.Binary(AudioPayloads.Wav(text), "audio/wav"),
            _ => Error(ErrorKind.InvalidRequest, $"Bad Request: the emulator does not produce encoding '{encoding}'.", null),
        };
    }
}
