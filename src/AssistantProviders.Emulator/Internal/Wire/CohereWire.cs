// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>The Cohere v2 API (<c>v2/chat</c> JSON and typed SSE events, <c>v2/embed</c>, <c>v2/rerank</c>, <c>v1/models</c>).</summary>
internal sealed class CohereWire : WireFormat
{
    public override IReadOnlyList<string> MalformedFrames { get; } =
    [
        "event: message-start\ndata: {\"id\":\"emu\",\"type\":\"message-start\",\"delta\":{\"message\":\n\n",
    ];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter) => call.Route switch
    {
        "v2/chat" when call.IsPost => Chat(call, contentFilter),
        "v2/embed" when call.IsPost => Embed(call),
        "v2/rerank" when call.IsPost => Rerank(call),
        "v1/models" when call.IsGet => EmulatorReply.Json(new JsonObject
        {
            ["models"] = new JsonArray([.. call.State.ModelsOf(call.Vendor).Select(m => (JsonNode)ModelInfo(m))]),
        }),
        _ => null,
    };

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var text = message ?? kind switch
        {
            ErrorKind.Unauthorized => "invalid api token",
            ErrorKind.RateLimited => "You are using a Trial key, which is limited to 10 API calls / minute (emulated).",
            ErrorKind.ContextLength => "too many tokens: total number of tokens in the prompt cannot exceed 128000 - received 130000. Try using a shorter prompt.",
            ErrorKind.ContentFilter => "blocked output: please adjust your prompt and try again, as this generation may be a potential violation of our Usage Policy.",
            _ => DefaultMessage(kind),
        };
        return EmulatorReply.Json(new JsonObject { ["message"] = text }, StatusOf(kind));
    }

    private static ChatTurn Parse(JsonNode? json)
    {
        var turn = new ChatTurn
        {
            Model = JsonText.Str(json, "model") ?? EmulatorDefaults.CheapModel,
            Stream = JsonText.Bool(json, "stream") == true,
            JsonMode = JsonText.Str(JsonText.Obj(json, "response_format"), "type") == "json_object",
        };
        turn.ReadMessages(JsonText.Arr(json, "messages"), "tool");
        turn.ReadFunctionTools(JsonText.Arr(json, "tools"));

        var choice = JsonText.Str(json, "tool_choice");
        turn.ToolRequired = choice == "REQUIRED";
        turn.ToolsDisabled = choice == "NONE";
        foreach (var document in JsonText.Arr(json, "documents"))
        {
            turn.Documents.Add(document is JsonObject d && d["data"] is { } data ? JsonText.Content(data) : JsonText.Content(document));
        }

        return turn;
    }

    private static JsonObject Usage(ChatAnswer answer) => new()
    {
        ["billed_units"] = new JsonObject { ["input_tokens"] = answer.PromptTokens, ["output_tokens"] = answer.CompletionTokens },
        ["tokens"] = new JsonObject { ["input_tokens"] = answer.PromptTokens, ["output_tokens"] = answer.CompletionTokens },
    };

    private static string ToolPlan(ChatAnswer answer) => $"I will use the {answer.ToolName} tool.";

    /// <summary>A citation of the first grounding document over the first word of the answer.</summary>
    private static JsonObject? Citation(ChatTurn turn, ChatAnswer answer)
    {
        if (turn.Documents.Count == 0 || answer.Text is not { Length: > 0 } text)
        {
            return null;
        }

        var first = Deterministic.SplitWords(text)[0];
        return new JsonObject
        {
            ["start"] = 0,
            ["end"] = first.Length,
            ["text"] = first,
            ["sources"] = new JsonArray(new JsonObject
            {
                ["type"] = "document",
                ["id"] = "doc:0",
                ["document"] = new JsonObject { ["id"] = "doc:0", ["text"] = turn.Documents[0] },
            }),
            ["type"] = "TEXT_CONTENT",
        };
    }

    private static JsonObject ToolCall(ChatAnswer answer, string arguments) => new()
    {
        ["id"] = answer.ToolName + "_" + answer.ToolCallId(string.Empty),
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = answer.ToolName, ["arguments"] = arguments },
    };

    private EmulatorReply Chat(EmulatorCall call, bool contentFilter)
    {
        var turn = Parse(call.Json);
        if (contentFilter)
        {
            return Error(ErrorKind.ContentFilter, null, null);
        }

        var answer = AnswerEngine.Answer(turn, call.Vendor, call.State, call.Seed, filtered: false);
        var id = Deterministic.Uuid(answer.Seed);
        var citation = Citation(turn, answer);
        var finishReason = answer.IsToolCall ? "TOOL_CALL" : "COMPLETE";
        if (!turn.Stream)
        {
            var message = new JsonObject { ["role"] = "assistant" };
            if (answer.IsToolCall)
            {
                message["tool_plan"] = ToolPlan(answer);
                message["tool_calls"] = new JsonArray(ToolCall(answer, answer.ToolArguments));
            }
            else
            {
                message["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = answer.Text });
                if (citation is not null)
                {
                    message["citations"] = new JsonArray(citation);
                }
            }

            return EmulatorReply.Json(new JsonObject { ["id"] = id, ["message"] = message, ["finish_reason"] = finishReason, ["usage"] = Usage(answer) });
        }

        var frames = new List<string>
        {
            Event(new JsonObject
            {
                ["id"] = id,
                ["type"] = "message-start",
                ["delta"] = Delta(new JsonObject { ["role"] = "assistant", ["content"] = new JsonArray(), ["tool_plan"] = string.Empty, ["tool_calls"] = new JsonArray(), ["citations"] = new JsonArray() }),
            }),
        };
        if (answer.IsToolCall)
        {
            foreach (var word in Deterministic.SplitWords(ToolPlan(answer)))
            {
                frames.Add(Event(new JsonObject { ["type"] = "tool-plan-delta", ["delta"] = Delta(new JsonObject { ["tool_plan"] = word }) }));
            }

            frames.Add(Event(new JsonObject { ["type"] = "tool-call-start", ["index"] = 0, ["delta"] = Delta(new JsonObject { ["tool_calls"] = ToolCall(answer, string.Empty) }) }));
            foreach (var piece in Deterministic.SplitArguments(answer.ToolArguments))
            {
                var toolCalls = new JsonObject { ["function"] = new JsonObject { ["arguments"] = piece } };
                frames.Add(Event(new JsonObject { ["type"] = "tool-call-delta", ["index"] = 0, ["delta"] = Delta(new JsonObject { ["tool_calls"] = toolCalls }) }));
            }

            frames.Add(Event(new JsonObject { ["type"] = "tool-call-end", ["index"] = 0 }));
        }
        else
        {
            frames.Add(Event(new JsonObject { ["type"] = "content-start", ["index"] = 0, ["delta"] = Delta(new JsonObject { ["content"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } }) }));
            var words = Deterministic.SplitWords(answer.Text ?? string.Empty);
            for (var i = 0; i < words.Count; i++)
            {
                frames.Add(Event(new JsonObject { ["type"] = "content-delta", ["index"] = 0, ["delta"] = Delta(new JsonObject { ["content"] = new JsonObject { ["text"] = words[i] } }) }));
                if (i == 0 && citation is not null)
                {
                    frames.Add(Event(new JsonObject { ["type"] = "citation-start", ["index"] = 0, ["delta"] = Delta(new JsonObject { ["citations"] = citation }) }));
                    frames.Add(Event(new JsonObject { ["type"] = "citation-end", ["index"] = 0 }));
                }
            }

            frames.Add(Event(new JsonObject { ["type"] = "content-end", ["index"] = 0 }));
        }

        frames.Add(Event(new JsonObject { ["type"] = "message-end", ["delta"] = new JsonObject { ["finish_reason"] = finishReason, ["usage"] = Usage(answer) } }));
        return EmulatorReply.Stream(frames);
    }

    private static JsonObject Delta(JsonObject message) => new() { ["message"] = message };

    private static string Event(JsonObject payload) => Sse.Event(payload["type"]!.ToString(), payload);

    private static EmulatorReply Embed(EmulatorCall call)
    {
        var json = call.Json;
        var texts = JsonText.Arr(json, "texts").Select(JsonText.Content).ToList();
        var dimensions = JsonText.Int(json, "output_dimension") ?? call.State.EmbeddingDimensions;
        return EmulatorReply.Json(new JsonObject
        {
            ["id"] = Deterministic.Uuid(call.Seed),
            ["texts"] = new JsonArray([.. texts.Select(t => (JsonNode)t)]),
            ["embeddings"] = new JsonObject
            {
                ["float"] = new JsonArray([.. texts.Select(t => (JsonNode)new JsonArray([.. call.State.Embedding(t, dimensions).Select(v => (JsonNode)v)]))]),
            },
            ["meta"] = Meta(new JsonObject { ["input_tokens"] = texts.Sum(Deterministic.CountTokens) }),
            ["response_type"] = "embeddings_by_type",
        });
    }

    private static EmulatorReply Rerank(EmulatorCall call)
    {
        var json = call.Json;
        var query = JsonText.Str(json, "query") ?? string.Empty;
        var documents = JsonText.Arr(json, "documents")
            .Select(d => d is JsonObject o && o["text"] is { } text ? JsonText.Content(text) : JsonText.Content(d))
            .ToList();
        var ranked = documents
            .Select((text, index) => (index, score: Deterministic.Relevance(query, text)))
            .OrderByDescending(r => r.score)
            .ThenBy(r => r.index)
            .Take(JsonText.Int(json, "top_n") ?? documents.Count);
        return EmulatorReply.Json(new JsonObject
        {
            ["id"] = Deterministic.Uuid(call.Seed),
            ["results"] = new JsonArray([.. ranked.Select(r => (JsonNode)new JsonObject { ["index"] = r.index, ["relevance_score"] = r.score })]),
            ["meta"] = Meta(new JsonObject { ["search_units"] = 1 }),
        });
    }

    private static JsonObject Meta(JsonObject billedUnits) => new()
    {
        ["api_version"] = new JsonObject { ["version"] = "2" },
        ["billed_units"] = billedUnits,
    };

    private static JsonObject ModelInfo(string name) => new()
    {
        ["name"] = name,
        ["is_deprecated"] = false,
        ["endpoints"] = name.Contains("embed", StringComparison.OrdinalIgnoreCase) ? new JsonArray("embed") : new JsonArray("chat", "rerank"),
        ["finetuned"] = false,
        ["context_length"] = 128_000,
        ["default_endpoints"] = new JsonArray(),
    };
}
