// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// Replicate's predictions API with the real lifecycle: <c>POST v1/models/{owner}/{name}/predictions</c> and <c>POST v1/predictions</c>
/// (with <c>version</c>) create a prediction, <c>starting</c>; with <c>Prefer: wait</c> it is answered finished. Each
/// <c>GET v1/predictions/{id}</c> moves it on (<c>starting</c> → <c>processing</c> → <c>succeeded</c>); <c>POST …/cancel</c> ends it
/// <c>canceled</c>. Image models answer a list of PNG URLs served by the emulator itself (<c>/replicate-delivery/{id}/out-{n}.png</c>, its own path segment like a separate host, the shapes image at
/// the requested <c>width</c>/<c>height</c> or <c>aspect_ratio</c>, fetched without a key like <c>replicate.delivery</c>), language
/// models (a name with <c>llama</c>, <c>instruct</c>, <c>chat</c>, <c>mistral</c> or <c>granite</c>) the answer as tokens with a
/// <c>urls.stream</c> event source (<c>stream/{id}</c>: <c>output</c> events, then <c>done</c>), Whisper models a transcription.
/// Scripted outcomes by model name: <c>…/fail</c> or <c>…-fail</c> ends <c>failed</c> (error text and logs; a language model's stream sends an <c>error</c> event), <c>…/never</c> or <c>…-never</c> stays <c>processing</c> until
/// canceled; owner <c>nobody</c> is 404; an image model without <c>prompt</c> is a 422 naming the field. Errors are
/// <c>application/problem+json</c>. Also <c>GET v1/models</c> and <c>GET v1/account</c>.
/// </summary>
internal sealed class ReplicateWire : WireFormat
{
    /// <summary>The first path segment of output files (<c>replicate.delivery</c> on the real service), kept apart from the API's.</summary>
    public const string DeliveryVendor = "replicate-delivery";

    private const string FailureText = "CUDA out of memory (emulated failure).";
    private readonly ConcurrentDictionary<string, Prediction> _predictions = new(StringComparer.Ordinal);
    private long _sequence;

    public override IReadOnlyList<string> MalformedFrames { get; } = ["event: output\nid: 1\ndata: {\"id\":\"emu\",\n\n"];

    /// <summary>Output files and the output stream are fetched without a key (signed URLs on the real service).</summary>
    public static bool IsPublicFile(string route) =>
        route.StartsWith("files/", StringComparison.Ordinal) || route.StartsWith("stream/", StringComparison.Ordinal);

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter)
    {
        var route = call.Route;
        if (call.IsGet && route.StartsWith("files/", StringComparison.Ordinal))
        {
            return File(route["files/".Length..]);
        }

        if (call.IsGet && route.StartsWith("stream/", StringComparison.Ordinal))
        {
            return Stream(route["stream/".Length..]);
        }

        if (call.IsPost && route == "v1/predictions")
        {
            var version = JsonText.Str(call.Json, "version");
            return string.IsNullOrEmpty(version)
                ? Problem(422, "Input validation failed", "- version is required", new JsonArray(Field("required", "version", "version is required")))
                : Create(call, ModelOfVersion(version), version.Contains(':', StringComparison.Ordinal) ? version[(version.IndexOf(':', StringComparison.Ordinal) + 1)..] : version);
        }

        if (call.IsPost && route.StartsWith("v1/models/", StringComparison.Ordinal) && route.EndsWith("/predictions", StringComparison.Ordinal))
        {
            var model = route["v1/models/".Length..^"/predictions".Length];
            return model.Count(c => c == '/') == 1 ? Create(call, Uri.UnescapeDataString(model), null) : null;
        }

        if (route.StartsWith("v1/predictions/", StringComparison.Ordinal))
        {
            var rest = route["v1/predictions/".Length..];
            if (call.IsPost && rest.EndsWith("/cancel", StringComparison.Ordinal))
            {
                return Cancel(rest[..^"/cancel".Length]);
            }

            if (call.IsGet && !rest.Contains('/', StringComparison.Ordinal))
            {
                return Get(rest);
            }
        }

        if (call.IsGet && route == "v1/models")
        {
            var results = new JsonArray();
            foreach (var name in new[] { "black-forest-labs/flux-schnell", "black-forest-labs/flux-dev", "stability-ai/sdxl", "meta/meta-llama-3-8b-instruct", "openai/whisper" })
            {
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                results.Add((JsonNode)new JsonObject { ["owner"] = name[..slash], ["name"] = name[(slash + 1)..], ["url"] = "https://replicate.com/" + name, ["visibility"] = "public" });
            }

            return EmulatorReply.Json(new JsonObject { ["next"] = null, ["previous"] = null, ["results"] = results });
        }

        if (call.IsGet && route == "v1/account")
        {
            return EmulatorReply.Json(new JsonObject { ["type"] = "user", ["username"] = "emulator", ["name"] = "AssistantProviders Emulator" });
        }

        return null;
    }

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var status = StatusOf(kind);
        var (title, detail) = kind switch
        {
            ErrorKind.Unauthorized => ("Unauthenticated", "You did not pass a valid authentication token"),
            ErrorKind.NotFound => ("Not found", "The requested resource could not be found."),
            ErrorKind.RateLimited => ("Too Many Requests", "Request was throttled (emulated). Expected available in 7 seconds."),
            ErrorKind.InvalidRequest => ("Bad request", DefaultMessage(kind)),
            _ => ("Internal server error", DefaultMessage(kind)),
        };
        return Problem(status, title, message ?? detail, null);
    }

    /// <summary>A scripted outcome: the model's name is <paramref name="outcome"/> or ends with <c>-</c><paramref name="outcome"/>.</summary>
    private static bool IsScripted(string model, string outcome) =>
        model.EndsWith("/" + outcome, StringComparison.Ordinal) || model.EndsWith("-" + outcome, StringComparison.Ordinal);

    private static JsonObject Field(string type, string field, string description) =>
        new() { ["type"] = type, ["field"] = field, ["description"] = description };

    private static EmulatorReply Problem(int status, string title, string detail, JsonArray? invalidFields)
    {
        var body = new JsonObject { ["title"] = title, ["detail"] = detail, ["status"] = status };
        if (invalidFields is not null)
        {
            body["invalid_fields"] = invalidFields;
        }

        return new EmulatorReply { Status = status, ContentType = "application/problem+json", Body = Encoding.UTF8.GetBytes(body.ToJsonString()) };
    }

    /// <summary>The model of a <c>version</c> field: <c>owner/name</c> of <c>owner/name:version</c>, else the version id itself.</summary>
    private static string ModelOfVersion(string version)
    {
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (version.Contains('/', StringComparison.Ordinal) ? version : "emulator/version-" + version[..Math.Min(12, version.Length)]) : version[..colon];
    }

    private static Kind KindOf(string model)
    {
        var name = model[(model.IndexOf('/', StringComparison.Ordinal) + 1)..].ToLowerInvariant();
        return name.Contains("whisper", StringComparison.Ordinal) ? Kind.Speech
            : name.Contains("llama", StringComparison.Ordinal) || name.Contains("instruct", StringComparison.Ordinal) || name.Contains("chat", StringComparison.Ordinal) ||
              name.Contains("mistral", StringComparison.Ordinal) || name.Contains("granite", StringComparison.Ordinal) ? Kind.Language
            : Kind.Image;
    }

    private static (int Width, int Height) SizeOf(JsonObject input)
    {
        if (JsonText.Int(input, "width") is { } w && JsonText.Int(input, "height") is { } h && w is > 0 and <= PngImage.MaxSide && h is > 0 and <= PngImage.MaxSide)
        {
            return (w, h);
        }

        if (JsonText.Str(input, "aspect_ratio") is { } ratio && ratio.Split(':') is [var a, var b] &&
            double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x > 0 && y > 0)
        {
            return x >= y ? (1024, (int)Math.Round(1024 * y / x)) : ((int)Math.Round(1024 * x / y), 1024);
        }

        return (1024, 1024);
    }

    private EmulatorReply Create(EmulatorCall call, string model, string? version)
    {
        if (model.StartsWith("nobody/", StringComparison.Ordinal))
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        var input = JsonText.Obj(call.Json, "input");
        if (input is null)
        {
            return Problem(422, "Input validation failed", "- input is required", new JsonArray(Field("required", "input", "input is required")));
        }

        // A bare version id names no model: the input says what it is (audio for Whisper, else an image model).
        var kind = model.StartsWith("emulator/version-", StringComparison.Ordinal) && input.ContainsKey("audio") ? Kind.Speech : KindOf(model);
        var required = kind switch { Kind.Speech => "audio", _ => "prompt" };
        if (string.IsNullOrEmpty(JsonText.Str(input, required)))
        {
            return Problem(422, "Input validation failed", $"- input: {required} is required\n", new JsonArray(Field("required", "input", $"{required} is required")));
        }

        var id = Deterministic.Id(string.Empty, Deterministic.Hash(call.Body, (ulong)Interlocked.Increment(ref _sequence)), 26).ToLowerInvariant();
        var request = call.Http.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}/replicate/";
        var deliveryUrl = $"{request.Scheme}://{request.Host}/{DeliveryVendor}/";
        var prediction = new Prediction(id, model, version ?? "hidden", (JsonObject)input.DeepClone(), kind, baseUrl, deliveryUrl, call.State.AnswerFor("replicate"));
        _predictions[id] = prediction;
        var prefer = request.Headers["Prefer"].ToString();
        if (prefer.StartsWith("wait", StringComparison.OrdinalIgnoreCase))
        {
            prediction.RunToEnd();
            var reply = EmulatorReply.Json(prediction.Render(), 201);
            reply.Headers["Preference-Applied"] = prefer;
            return reply;
        }

        return EmulatorReply.Json(prediction.Render(), 201);
    }

    private EmulatorReply Get(string id)
    {
        if (!_predictions.TryGetValue(id, out var prediction))
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        prediction.Advance();
        return EmulatorReply.Json(prediction.Render());
    }

    private EmulatorReply Cancel(string id)
    {
        if (!_predictions.TryGetValue(id, out var prediction))
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        prediction.Cancel();
        return EmulatorReply.Json(prediction.Render());
    }

    private EmulatorReply File(string path)
    {
        // files/{id}/{n}.png
        var parts = path.Split('/');
        if (parts.Length != 2 || !_predictions.TryGetValue(parts[0], out var prediction) || prediction.Kind != Kind.Image)
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        var (width, height) = SizeOf(prediction.Input);
        return EmulatorReply.Binary(PngImage.Shapes(width, height), "image/png");
    }

    private EmulatorReply Stream(string id)
    {
        if (!_predictions.TryGetValue(id, out var prediction) || prediction.Kind != Kind.Language)
        {
            return Error(ErrorKind.NotFound, null, null);
        }

        var frames = new List<string>();
        if (IsScripted(prediction.Model, "fail"))
        {
            frames.Add("event: error\nid: 1\ndata: " + FailureText + "\n\n");
        }
        else
        {
            var tokens = prediction.Tokens();
            for (var i = 0; i < tokens.Count; i++)
            {
                frames.Add("event: output\nid: " + (i + 1).ToString(CultureInfo.InvariantCulture) + "\ndata: " + tokens[i] + "\n\n");
            }

            frames.Add("event: done\nid: " + (tokens.Count + 1).ToString(CultureInfo.InvariantCulture) + "\ndata: {}\n\n");
        }

        prediction.RunToEnd();
        return EmulatorReply.Stream(frames);
    }

    private enum Kind
    {
        Image,
        Language,
        Speech,
    }

    /// <summary>One prediction and its progress.</summary>
    private sealed class Prediction(string id, string model, string version, JsonObject input, Kind kind, string baseUrl, string deliveryUrl, string answer)
    {
        private readonly Lock _gate = new();
        private string _status = "starting";

        public string Model => model;

        public JsonObject Input => input;

        public Kind Kind => kind;

        public List<string> Tokens()
        {
            var words = answer.Split(' ');
            return [.. words.Select((w, i) => i == 0 ? w : " " + w)];
        }

        public void Advance()
        {
            lock (_gate)
            {
                _status = _status switch
                {
                    "starting" => "processing",
                    "processing" when IsScripted(model, "never") => "processing",
                    "processing" => Outcome(),
                    var terminal => terminal,
                };
            }
        }

        public void RunToEnd()
        {
            lock (_gate)
            {
                if (_status is "starting" or "processing" && !IsScripted(model, "never"))
                {
                    _status = Outcome();
                }
            }
        }

        public void Cancel()
        {
            lock (_gate)
            {
                if (_status is "starting" or "processing")
                {
                    _status = "canceled";
                }
            }
        }

        public JsonObject Render()
        {
            string status;
            lock (_gate)
            {
                status = _status;
            }

            var urls = new JsonObject
            {
                ["get"] = baseUrl + "v1/predictions/" + id,
                ["cancel"] = baseUrl + "v1/predictions/" + id + "/cancel",
                ["web"] = "https://replicate.com/p/" + id,
            };
            if (kind == Kind.Language)
            {
                urls["stream"] = baseUrl + "stream/" + id;
            }

            var body = new JsonObject
            {
                ["id"] = id,
                ["model"] = model,
                ["version"] = version,
                ["input"] = input.DeepClone(),
                ["logs"] = status == "failed" ? "loading weights\nallocating 24 GiB\n" + FailureText : status == "starting" ? string.Empty : "loading weights",
                ["output"] = status == "succeeded" ? Output() : null,
                ["data_removed"] = false,
                ["error"] = status == "failed" ? FailureText : null,
                ["status"] = status,
                ["source"] = "api",
                ["created_at"] = "2026-01-01T00:00:00.000Z",
                ["urls"] = urls,
            };
            if (status != "starting")
            {
                body["started_at"] = "2026-01-01T00:00:00.250Z";
            }

            if (status is "succeeded" or "failed" or "canceled")
            {
                body["completed_at"] = "2026-01-01T00:00:01.500Z";
                var metrics = new JsonObject { ["predict_time"] = 1.25, ["total_time"] = 1.5 };
                if (kind == Kind.Language)
                {
                    metrics["input_token_count"] = Deterministic.CountTokens(JsonText.Str(input, "prompt"));
                    metrics["output_token_count"] = Tokens().Count;
                }

                body["metrics"] = metrics;
            }

            return body;
        }

        private string Outcome() => IsScripted(model, "fail") ? "failed" : "succeeded";

        private JsonNode Output()
        {
            switch (kind)
            {
                case Kind.Language:
                    return new JsonArray([.. Tokens().Select(t => (JsonNode)JsonValue.Create(t))]);
                case Kind.Speech:
                    return new JsonObject
                    {
                        ["transcription"] = " " + EmulatorDefaults.TranscriptText,
                        ["detected_language"] = "english",
                        ["segments"] = new JsonArray(new JsonObject { ["id"] = 0, ["start"] = 0.0, ["end"] = 4.5, ["text"] = " " + EmulatorDefaults.TranscriptText }),
                    };
                default:
                    var count = Math.Clamp(JsonText.Int(input, "num_outputs") ?? 1, 1, 4);
                    var format = "png";
                    return new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)JsonValue.Create(deliveryUrl + id + "/out-" + i.ToString(CultureInfo.InvariantCulture) + "." + format))]);
            }
        }
    }
}
