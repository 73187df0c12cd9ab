// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// AssemblyAI's pre-recorded REST API (<c>POST v2/upload</c> raw bytes, <c>POST</c>/<c>GET v2/transcript</c> (create, list), <c>GET</c>/<c>DELETE
/// v2/transcript/{id}</c>) with its <c>{"error": "..."}</c> shape. A transcript is <c>queued</c> when created, <c>processing</c> at
/// the first poll and <c>completed</c> at the second (<see cref="EmulatorDefaults.TranscriptText"/>, two speakers with
/// <c>speaker_labels</c>, one sentiment per utterance with <c>sentiment_analysis</c>, a detected language with
/// <c>language_detection</c>). State lives per emulator instance.
/// </summary>
internal sealed class AssemblyAIWire : WireFormat
{
    private const string UploadPrefix = "https://cdn.assemblyai.com/upload/";
    private readonly ConcurrentDictionary<string, int> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Transcript> _transcripts = new(StringComparer.Ordinal);
    private long _sequence;

    public override IReadOnlyList<string> MalformedFrames { get; } = ["{\"id\":\"emu\",\"status\":"];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter) => call.Route switch
    {
        "v2/upload" when call.IsPost => Upload(call),
        "v2/transcript" when call.IsPost => Create(call),
        "v2/transcript" when call.IsGet => EmulatorReply.Json(new JsonObject
        {
            ["page_details"] = new JsonObject { ["limit"] = 1, ["result_count"] = 0, ["current_url"] = "https://api.assemblyai.com/v2/transcript?limit=1", ["prev_url"] = null, ["next_url"] = null },
            ["transcripts"] = new JsonArray(),
        }),
        var route when route.StartsWith("v2/transcript/", StringComparison.Ordinal) && call.IsGet => Get(route["v2/transcript/".Length..]),
        var route when route.StartsWith("v2/transcript/", StringComparison.Ordinal) && HttpMethodsIsDelete(call) => Delete(route["v2/transcript/".Length..]),
        _ => null,
    };

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var text = message ?? kind switch
        {
            ErrorKind.Unauthorized => "Authentication error, API token missing/invalid",
            ErrorKind.NotFound => "Transcript lookup error, transcript id not found",
            ErrorKind.RateLimited => "Too many requests (emulated); retry after the delay in Retry-After",
            _ => DefaultMessage(kind),
        };
        return EmulatorReply.Json(new JsonObject { ["error"] = text }, StatusOf(kind));
    }

    private static bool HttpMethodsIsDelete(EmulatorCall call) => Microsoft.AspNetCore.Http.HttpMethods.IsDelete(call.Http.Request.Method);

    private EmulatorReply Upload(EmulatorCall call)
    {
        if (call.Body.Length == 0)
        {
            return Error(ErrorKind.InvalidRequest, "Upload error: the request body is empty", null);
        }

        var url = UploadPrefix + Deterministic.Uuid(Deterministic.Hash(call.Body, (ulong)Interlocked.Increment(ref _sequence)));
        _uploads[url] = call.Body.Length;
        return EmulatorReply.Json(new JsonObject { ["upload_url"] = url });
    }

    private EmulatorReply Create(EmulatorCall call)
    {
        var json = call.Json;
        var audioUrl = JsonText.Str(json, "audio_url");
        if (string.IsNullOrEmpty(audioUrl))
        {
            return Error(ErrorKind.InvalidRequest, "audio_url is required", null);
        }

        if (JsonText.Arr(json, "speech_models").Count == 0)
        {
            return Error(ErrorKind.InvalidRequest, "speech_models must be a non-empty list of speech models", null);
        }

        if (audioUrl.StartsWith(UploadPrefix, StringComparison.Ordinal) && !_uploads.ContainsKey(audioUrl))
        {
            return Error(ErrorKind.InvalidRequest, "Cannot access uploaded file: the upload does not exist in this emulator", null);
        }

        var id = Deterministic.Uuid(Deterministic.Hash(call.Body, (ulong)Interlocked.Increment(ref _sequence)));
        var transcript = new Transcript(id, audioUrl, json?.DeepClone() as JsonObject ?? []);
        _transcripts[id] = transcript;
        return EmulatorReply.Json(transcript.Render());
    }

    private EmulatorReply Get(string id)
    {
        if (!_transcripts.TryGetValue(id, out var transcript))
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        transcript.Advance();
        return EmulatorReply.Json(transcript.Render());
    }

    private EmulatorReply Delete(string id)
    {
        if (!_transcripts.TryRemove(id, out var transcript))
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        var body = transcript.Render();
        body["text"] = "Deleted by user.";
        body["audio_url"] = "http://deleted_by_user";
        return EmulatorReply.Json(body);
    }

    /// <summary>One transcript and its progress.</summary>
    private sealed class Transcript(string id, string audioUrl, JsonObject request)
    {
        private int _polls;

        public void Advance() => Interlocked.Increment(ref _polls);

        public JsonObject Render()
        {
            var polls = Volatile.Read(ref _polls);
            var status = polls == 0 ? "queued" : polls == 1 ? "processing" : "completed";
            var models = JsonText.Arr(request, "speech_models");
            var body = new JsonObject
            {
                ["id"] = id,
                ["status"] = status,
                ["audio_url"] = audioUrl,
                ["speech_models"] = models.DeepClone(),
                ["speaker_labels"] = JsonText.Bool(request, "speaker_labels") == true,
                ["sentiment_analysis"] = JsonText.Bool(request, "sentiment_analysis") == true,
                ["language_detection"] = JsonText.Bool(request, "language_detection") == true,
            };
            if (status != "completed")
            {
                return body;
            }

            var text = EmulatorDefaults.TranscriptText;
            var words = text.Split(' ');
            const int WordMs = 400;
            body["text"] = text;
            body["audio_duration"] = (int)Math.Ceiling(words.Length * WordMs / 1000.0);
            body["confidence"] = 0.95;
            body["speech_model_used"] = models.Count > 0 ? models[0]!.ToString() : null;
            var detect = JsonText.Bool(request, "language_detection") == true;
            body["language_code"] = detect ? "en" : JsonText.Str(request, "language_code") ?? "en_us";
            body["language_confidence"] = detect ? 0.99 : null;
            body["words"] = new JsonArray([.. words.Select((w, i) => (JsonNode)Word(w, i, i < words.Length / 2 ? "A" : "B", detect))]);
            if (JsonText.Bool(request, "speaker_labels") == true)
            {
                var half = words.Length / 2;
                body["utterances"] = new JsonArray(Utterance("A", words, 0, half), Utterance("B", words, half, words.Length));
            }

            if (JsonText.Bool(request, "sentiment_analysis") == true)
            {
                var half = words.Length / 2;
                body["sentiment_analysis_results"] = new JsonArray(
                    Sentiment("NEUTRAL", words, 0, half, JsonText.Bool(request, "speaker_labels") == true ? "A" : null),
                    Sentiment("POSITIVE", words, half, words.Length, JsonText.Bool(request, "speaker_labels") == true ? "B" : null));
            }

            return body;

            JsonObject Word(string w, int i, string speaker, bool _) => new()
            {
                ["text"] = w,
                ["start"] = i * WordMs,
                ["end"] = (i + 1) * WordMs,
                ["confidence"] = 0.95,
                ["speaker"] = JsonText.Bool(request, "speaker_labels") == true ? speaker : null,
            };

            JsonObject Utterance(string speaker, string[] all, int from, int to) => new()
            {
                ["speaker"] = speaker,
                ["text"] = string.Join(' ', all[from..to]),
                ["start"] = from * WordMs,
                ["end"] = to * WordMs,
                ["confidence"] = 0.95,
                ["words"] = new JsonArray([.. all[from..to].Select((w, i) => (JsonNode)Word(w, from + i, speaker, false))]),
            };

            JsonObject Sentiment(string sentiment, string[] all, int from, int to, string? speaker) => new()
            {
                ["text"] = string.Join(' ', all[from..to]),
                ["start"] = from * WordMs,
                ["end"] = to * WordMs,
                ["sentiment"] = sentiment,
                ["confidence"] = 0.9,
                ["speaker"] = speaker,
            };
        }
    }
}
