// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>The Anthropic Messages API (<c>/v1/messages</c> JSON and named SSE events, <c>/v1/models</c>).</summary>
internal sealed class AnthropicWire : WireFormat
{
    public override IReadOnlyList<string> MalformedFrames { get; } =
    [
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_emu\",\"content\":[\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
    ];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter) => call.Route switch
    {
        "messages" when call.IsPost => Messages(call, contentFilter),
        "messages/count_tokens" when call.IsPost => EmulatorReply.Json(new JsonObject { ["input_tokens"] = Math.Max(1, Parse(call.Json).Texts.Sum(Deterministic.CountTokens)) }),
        "models" when call.IsGet => Models(call),
        _ when call.IsGet && call.Route.StartsWith("models/", StringComparison.Ordinal) => Model(call),
        _ => null,
    };

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var type = kind switch
        {
            ErrorKind.Unauthorized => "authentication_error",
            ErrorKind.NotFound => "not_found_error",
            ErrorKind.RateLimited => "rate_limit_error",
            ErrorKind.Server or ErrorKind.Unavailable => "api_error",
            ErrorKind.Overloaded => "overloaded_error",
            _ => "invalid_request_error",
        };
        var text = message ?? (kind == ErrorKind.ContextLength ? "prompt is too long: 250000 tokens > 200000 maximum" : DefaultMessage(kind));
        return EmulatorReply.Json(new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = type, ["message"] = text } }, StatusOf(kind));
    }

    private static ChatTurn Parse(JsonNode? json)
    {
        var turn = new ChatTurn
        {
            Model = JsonText.Str(json, "model") ?? EmulatorDefaults.CheapModel,
            Stream = JsonText.Bool(json, "stream") == true,
        };
        turn.Texts.Add(JsonText.Content(json?["system"]));
        var messages = JsonText.Arr(json, "messages");
        for (var i = 0; i < messages.Count; i++)
        {
            var role = JsonText.Str(messages[i], "role");
            var content = messages[i]?["content"];
            var text = JsonText.Content(content);
            turn.Texts.Add(text);
            var toolResult = content is JsonArray blocks
                ? blocks.FirstOrDefault(b => JsonText.Str(b, "type") == "tool_result")
                : null;
            if (role == "user" && toolResult is null)
            {
                turn.LastUserText = text;
                turn.ToolResultsSinceUser.Clear();
            }
            else if (content is JsonArray results)
            {
                turn.ToolResultsSinceUser.AddRange(results.Where(b => JsonText.Str(b, "type") == "tool_result").Select(b => JsonText.Content(b?["content"])));
            }

            if (i == messages.Count - 1 && toolResult is not null)
            {
                turn.ToolResult = JsonText.Content(toolResult["content"]);
            }
        }

        foreach (var tool in JsonText.Arr(json, "tools"))
        {
            if (JsonText.Str(tool, "name") is { } name)
            {
                turn.AddTool(name, JsonText.Obj(tool, "input_schema"));
            }
        }

        var choice = JsonText.Obj(json, "tool_choice");
        switch (JsonText.Str(choice, "type"))
        {
            case "any":
                turn.ToolRequired = true;
                break;
            case "none":
                turn.ToolsDisabled = true;
                break;
            case "tool":
                turn.ForcedTool = JsonText.Str(choice, "name");
                break;
        }

        return turn;
    }

    private static string StopReason(ChatAnswer answer) =>
        answer.Filtered ? "refusal" : answer.IsToolCall ? "tool_use" : "end_turn";

    private static JsonObject Usage(ChatAnswer answer, int outputTokens) => new()
    {
        ["input_tokens"] = answer.PromptTokens,
        ["cache_creation_input_tokens"] = 0,
        ["cache_read_input_tokens"] = 0,
        ["output_tokens"] = outputTokens,
    };

    private static JsonObject Message(ChatAnswer answer, JsonArray content, string? stopReason, int outputTokens) => new()
    {
        ["id"] = answer.Id("msg_emu"),
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = answer.Model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = Usage(answer, outputTokens),
    };

    private static JsonObject ToolUse(ChatAnswer answer, JsonNode input) => new()
    {
        ["type"] = "tool_use",
        ["id"] = answer.ToolCallId("toolu_emu"),
        ["name"] = answer.ToolName,
        ["input"] = input,
    };

    private static EmulatorReply Messages(EmulatorCall call, bool contentFilter)
    {
        var turn = Parse(call.Json);
        var answer = AnswerEngine.Answer(turn, call.Vendor, call.State, call.Seed, contentFilter);
        if (!turn.Stream)
        {
            var content = new JsonArray();
            if (answer.IsToolCall)
            {
                content.Add((JsonNode)ToolUse(answer, JsonNode.Parse(answer.ToolArguments)!));
            }
            else if (answer.Text is { } text)
            {
                content.Add((JsonNode)new JsonObject { ["type"] = "text", ["text"] = text });
            }

            return EmulatorReply.Json(Message(answer, content, StopReason(answer), answer.CompletionTokens));
        }

        var frames = new List<string>
        {
            Sse.Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = Message(answer, [], null, 1) }),
        };
        if (!answer.Filtered)
        {
            var block = answer.IsToolCall ? ToolUse(answer, new JsonObject()) : new JsonObject { ["type"] = "text", ["text"] = string.Empty };
            frames.Add(Sse.Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = block }));
            frames.Add(Sse.Event("ping", new JsonObject { ["type"] = "ping" }));
            IEnumerable<JsonObject> deltas = answer.IsToolCall
                ? Deterministic.SplitArguments(answer.ToolArguments).Select(p => new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = p })
                : Deterministic.SplitWords(answer.Text ?? string.Empty).Select(w => new JsonObject { ["type"] = "text_delta", ["text"] = w });
            foreach (var delta in deltas)
            {
                frames.Add(Sse.Event("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = delta }));
            }

            frames.Add(Sse.Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }));
        }

        frames.Add(Sse.Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(answer), ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = answer.CompletionTokens },
        }));
        frames.Add(Sse.Event("message_stop", new JsonObject { ["type"] = "message_stop" }));
        return EmulatorReply.Stream(frames);
    }

    private static JsonObject ModelInfo(string id) => new()
    {
        ["type"] = "model",
        ["id"] = id,
        ["display_name"] = id,
        ["created_at"] = Deterministic.CreatedIso,
        ["max_input_tokens"] = 200_000,
        ["max_tokens"] = 8_192,
        ["capabilities"] = null,
    };

    private static EmulatorReply Models(EmulatorCall call)
    {
        var models = call.State.ModelsOf(call.Vendor);
        return EmulatorReply.Json(new JsonObject
        {
            ["data"] = new JsonArray([.. models.Select(m => (JsonNode)ModelInfo(m))]),
            ["first_id"] = models.Count > 0 ? models[0] : null,
            ["has_more"] = false,
            ["last_id"] = models.Count > 0 ? models[^1] : null,
        });
    }

    private EmulatorReply Model(EmulatorCall call)
    {
        var id = call.Route["models/".Length..];
        return call.State.ModelsOf(call.Vendor).Contains(id, StringComparer.Ordinal)
            ? EmulatorReply.Json(ModelInfo(id))
            : Error(ErrorKind.NotFound, $"model: {id}", null);
    }
}
