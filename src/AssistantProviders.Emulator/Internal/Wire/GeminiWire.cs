// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>The Gemini API (<c>v1beta/models/{model}:generateContent</c>, <c>:streamGenerateContent</c>, <c>:embedContent</c>, <c>:batchEmbedContents</c>, <c>models</c>).</summary>
internal sealed class GeminiWire : WireFormat
{
    public override IReadOnlyList<string> MalformedFrames { get; } =
    [
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\n\n",
    ];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter)
    {
        if (call.Route == "models" && call.IsGet)
        {
            return Models(call);
        }

        if (!call.Route.StartsWith("models/", StringComparison.Ordinal))
        {
            return null;
        }

        var target = call.Route["models/".Length..];
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return call.IsGet ? Model(call, target) : null;
        }

        var model = target[..colon];
        return target[(colon + 1)..] switch
        {
            "generateContent" when call.IsPost => Generate(call, model, contentFilter, stream: false),
            "streamGenerateContent" when call.IsPost => Generate(call, model, contentFilter, stream: true),
            "embedContent" when call.IsPost => EmulatorReply.Json(new JsonObject { ["embedding"] = Embedding(call.Json, call.State) }),
            "batchEmbedContents" when call.IsPost => EmulatorReply.Json(new JsonObject
            {
                ["embeddings"] = new JsonArray([.. JsonText.Arr(call.Json, "requests").Select(r => (JsonNode)Embedding(r, call.State))]),
            }),
            "countTokens" when call.IsPost => EmulatorReply.Json(new JsonObject { ["totalTokens"] = Math.Max(1, Parse(call.Json, model).Texts.Sum(Deterministic.CountTokens)) }),
            _ => null,
        };
    }

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var status = GrpcStatusName.Of(kind);
        var text = message ?? kind switch
        {
            ErrorKind.ContextLength => "The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).",
            ErrorKind.RateLimited => "You exceeded your current quota, please check your plan and billing details.",
            _ => DefaultMessage(kind),
        };
        var code = StatusOf(kind);
        var error = new JsonObject { ["code"] = code, ["message"] = text, ["status"] = status };
        if (fault?.RetryAfter is { } retryAfter && double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.RetryInfo",
                ["retryDelay"] = seconds.ToString(CultureInfo.InvariantCulture) + "s",
            });
        }

        return EmulatorReply.Json(new JsonObject { ["error"] = error }, code);
    }

    private static ChatTurn Parse(JsonNode? json, string model)
    {
        var turn = new ChatTurn { Model = model };
        turn.Texts.Add(JsonText.Content(JsonText.Arr(JsonText.Obj(json, "systemInstruction"), "parts")));
        var contents = JsonText.Arr(json, "contents");
        for (var i = 0; i < contents.Count; i++)
        {
            var parts = JsonText.Arr(contents[i], "parts");
            var text = JsonText.Content(parts);
            turn.Texts.Add(text);
            var response = parts.Select(p => JsonText.Obj(p, "functionResponse")).FirstOrDefault(r => r is not null);
            if (response is null && JsonText.Str(contents[i], "role") is null or "user")
            {
                turn.LastUserText = text;
                turn.ToolResultsSinceUser.Clear();
            }
            else if (response is not null)
            {
                turn.ToolResultsSinceUser.AddRange(parts.Select(p => JsonText.Obj(p, "functionResponse")).OfType<JsonObject>().Select(r => r["response"]?.ToJsonString() ?? string.Empty));
            }

            if (i == contents.Count - 1 && response is not null)
            {
                turn.ToolResult = response["response"]?.ToJsonString() ?? string.Empty;
            }
        }

        foreach (var tool in JsonText.Arr(json, "tools"))
        {
            foreach (var declaration in JsonText.Arr(tool, "functionDeclarations"))
            {
                if (JsonText.Str(declaration, "name") is { } name)
                {
                    turn.AddTool(name, JsonText.Obj(declaration, "parameters") ?? JsonText.Obj(declaration, "parametersJsonSchema"));
                }
            }
        }

        var config = JsonText.Obj(JsonText.Obj(json, "toolConfig"), "functionCallingConfig");
        var mode = JsonText.Str(config, "mode");
        turn.ToolRequired = mode is "ANY" or "VALIDATED";
        turn.ToolsDisabled = mode == "NONE";
        var allowed = JsonText.Arr(config, "allowedFunctionNames");
        if (turn.ToolRequired && allowed.Count > 0)
        {
            turn.ForcedTool = allowed[0]?.ToString();
        }

        turn.JsonMode = JsonText.Str(JsonText.Obj(json, "generationConfig"), "responseMimeType") == "application/json";
        return turn;
    }

    private static JsonObject UsageMetadata(ChatAnswer answer, int candidates) => new()
    {
        ["promptTokenCount"] = answer.PromptTokens,
        ["candidatesTokenCount"] = candidates,
        ["totalTokenCount"] = answer.PromptTokens + candidates,
    };

    private static JsonObject Response(ChatAnswer answer, JsonObject candidate, int candidatesTokens) => new()
    {
        ["candidates"] = new JsonArray(candidate),
        ["usageMetadata"] = UsageMetadata(answer, candidatesTokens),
        ["modelVersion"] = answer.Model,
        ["responseId"] = answer.Id(string.Empty, 22),
    };

    private static JsonObject Candidate(JsonArray parts, string? finishReason)
    {
        var candidate = new JsonObject { ["content"] = new JsonObject { ["parts"] = parts, ["role"] = "model" } };
        if (finishReason is not null)
        {
            candidate["finishReason"] = finishReason;
        }

        candidate["index"] = 0;
        return candidate;
    }

    private static JsonArray SafetyRatings() => new(new JsonObject
    {
        ["category"] = "HARM_CATEGORY_DANGEROUS_CONTENT",
        ["probability"] = "HIGH",
        ["blocked"] = true,
    });

    private static JsonObject Blocked(ChatAnswer answer)
    {
        var body = Response(answer, new JsonObject { ["finishReason"] = "SAFETY", ["index"] = 0, ["safetyRatings"] = SafetyRatings() }, 0);
        body["promptFeedback"] = new JsonObject { ["blockReason"] = "SAFETY", ["safetyRatings"] = SafetyRatings() };
        return body;
    }

    private static EmulatorReply Generate(EmulatorCall call, string model, bool contentFilter, bool stream)
    {
        var turn = Parse(call.Json, model);
        var answer = AnswerEngine.Answer(turn, call.Vendor, call.State, call.Seed, contentFilter);
        var chunks = new List<JsonObject>();
        if (answer.Filtered)
        {
            chunks.Add(Blocked(answer));
        }
        else if (answer.IsToolCall)
        {
            var part = new JsonObject { ["functionCall"] = new JsonObject { ["name"] = answer.ToolName, ["args"] = JsonNode.Parse(answer.ToolArguments) } };
            chunks.Add(Response(answer, Candidate(new JsonArray(part), "STOP"), answer.CompletionTokens));
        }
        else if (!stream)
        {
            chunks.Add(Response(answer, Candidate(new JsonArray(new JsonObject { ["text"] = answer.Text }), "STOP"), answer.CompletionTokens));
        }
        else
        {
            var words = Deterministic.SplitWords(answer.Text ?? string.Empty);
            var sent = 0;
            for (var i = 0; i < words.Count; i++)
            {
                sent += Deterministic.CountTokens(words[i]);
                var last = i == words.Count - 1;
                chunks.Add(Response(answer, Candidate(new JsonArray(new JsonObject { ["text"] = words[i] }), last ? "STOP" : null), last ? answer.CompletionTokens : sent));
            }
        }

        if (!stream)
        {
            return EmulatorReply.Json(chunks[0]);
        }

        // ?alt=sse gives SSE data events without a terminator; without it the chunks arrive as one JSON array.
        if (string.Equals(call.Http.Request.Query["alt"], "sse", StringComparison.OrdinalIgnoreCase))
        {
            return EmulatorReply.Stream([.. chunks.Select(c => Sse.Data(c))]);
        }

        var frames = chunks.Select((c, i) => (i == 0 ? "[" : ",\r\n") + c.ToJsonString()).ToList();
        frames.Add("]");
        return EmulatorReply.Stream(frames, "application/json");
    }

    private static JsonObject Embedding(JsonNode? request, EmulatorState state)
    {
        var text = JsonText.Content(JsonText.Arr(JsonText.Obj(request, "content"), "parts"));
        var dimensions = JsonText.Int(request, "outputDimensionality") ?? state.EmbeddingDimensions;
        return new JsonObject { ["values"] = new JsonArray([.. state.Embedding(text, dimensions).Select(v => (JsonNode)v)]) };
    }

    private static JsonObject ModelInfo(string id) => new()
    {
        ["name"] = "models/" + id,
        ["baseModelId"] = id,
        ["version"] = "001",
        ["displayName"] = id,
        ["description"] = "Emulated model " + id,
        ["inputTokenLimit"] = 1_048_576,
        ["outputTokenLimit"] = 8_192,
        ["supportedGenerationMethods"] = id.Contains("embed", StringComparison.OrdinalIgnoreCase)
            ? new JsonArray("embedContent", "batchEmbedContents")
            : new JsonArray("generateContent", "streamGenerateContent", "countTokens"),
    };

    private static EmulatorReply Models(EmulatorCall call) => EmulatorReply.Json(new JsonObject
    {
        ["models"] = new JsonArray([.. call.State.ModelsOf(call.Vendor).Select(m => (JsonNode)ModelInfo(m))]),
    });

    private EmulatorReply Model(EmulatorCall call, string id) =>
        call.State.ModelsOf(call.Vendor).Contains(id, StringComparer.Ordinal)
            ? EmulatorReply.Json(ModelInfo(id))
            : Error(ErrorKind.NotFound, $"models/{id} is not found for API version v1beta.", null);
}
