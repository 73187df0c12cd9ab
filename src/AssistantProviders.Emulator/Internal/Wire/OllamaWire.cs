// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>The Ollama native API (<c>/api/chat</c> streaming NDJSON by default, <c>/api/embed</c>, <c>/api/tags</c>).</summary>
internal sealed class OllamaWire : WireFormat
{
    public override IReadOnlyList<string> MalformedFrames { get; } =
    [
        "{\"model\":\"emu-cheap\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Hel\n",
    ];

    public override string StreamContentType => Sse.NdjsonContentType;

    public override string PaddingFrame(int bytes) => new string(' ', Math.Max(0, bytes)) + "\n";

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter) => call.Route switch
    {
        "chat" when call.IsPost => Chat(call, contentFilter),
        "embed" when call.IsPost => Embed(call),
        "embeddings" when call.IsPost => LegacyEmbeddings(call),
        "tags" when call.IsGet => Tags(call),
        "version" when call.IsGet => EmulatorReply.Json(new JsonObject { ["version"] = "0.0.0-emulator" }),
        _ => null,
    };

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault) =>
        EmulatorReply.Json(new JsonObject { ["error"] = message ?? DefaultMessage(kind) }, StatusOf(kind));

    private static ChatTurn Parse(JsonNode? json)
    {
        var turn = new ChatTurn
        {
            Model = JsonText.Str(json, "model") ?? EmulatorDefaults.CheapModel,
            Stream = JsonText.Bool(json, "stream") != false,
            JsonMode = json?["format"] is JsonObject || JsonText.Str(json, "format") == "json",
        };
        turn.ReadMessages(JsonText.Arr(json, "messages"), "tool");
        turn.ReadFunctionTools(JsonText.Arr(json, "tools"));

        return turn;
    }

    private static JsonObject Message(string? content, ChatAnswer? toolCall = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content ?? string.Empty };
        if (toolCall is not null)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["function"] = new JsonObject { ["name"] = toolCall.ToolName, ["arguments"] = JsonNode.Parse(toolCall.ToolArguments) },
            });
        }

        return message;
    }

    private static JsonObject Final(ChatAnswer answer, JsonObject message) => new()
    {
        ["model"] = answer.Model,
        ["created_at"] = Deterministic.CreatedIso,
        ["message"] = message,
        ["done_reason"] = "stop",
        ["done"] = true,
        ["total_duration"] = 1_000_000L * (answer.TotalTokens + 1),
        ["load_duration"] = 1_000_000L,
        ["prompt_eval_count"] = answer.PromptTokens,
        ["prompt_eval_duration"] = 100_000L * answer.PromptTokens,
        ["eval_count"] = answer.CompletionTokens,
        ["eval_duration"] = 1_000_000L * answer.CompletionTokens,
    };

    private EmulatorReply Chat(EmulatorCall call, bool contentFilter)
    {
        var turn = Parse(call.Json);
        if (contentFilter)
        {
            return Error(ErrorKind.ContentFilter, null, null);
        }

        var answer = AnswerEngine.Answer(turn, call.Vendor, call.State, call.Seed, filtered: false);
        if (!turn.Stream)
        {
            return EmulatorReply.Json(Final(answer, Message(answer.Text, answer.IsToolCall ? answer : null)));
        }

        var frames = new List<string>();
        if (answer.IsToolCall)
        {
            frames.Add(Sse.Line(Partial(answer, Message(null, answer))));
        }
        else
        {
            foreach (var word in Deterministic.SplitWords(answer.Text ?? string.Empty))
            {
                frames.Add(Sse.Line(Partial(answer, Message(word))));
            }
        }

        frames.Add(Sse.Line(Final(answer, Message(null))));
        return EmulatorReply.Stream(frames, Sse.NdjsonContentType);
    }

    private static JsonObject Partial(ChatAnswer answer, JsonObject message) => new()
    {
        ["model"] = answer.Model,
        ["created_at"] = Deterministic.CreatedIso,
        ["message"] = message,
        ["done"] = false,
    };

    private static EmulatorReply Embed(EmulatorCall call)
    {
        var json = call.Json;
        List<string> inputs = json?["input"] is JsonArray items ? [.. items.Select(JsonText.Content)] : [JsonText.Content(json?["input"])];
        var dimensions = JsonText.Int(json, "dimensions") ?? call.State.EmbeddingDimensions;
        return EmulatorReply.Json(new JsonObject
        {
            ["model"] = JsonText.Str(json, "model") ?? EmulatorDefaults.EmbeddingModel,
            ["embeddings"] = new JsonArray([.. inputs.Select(text => (JsonNode)Vector(call.State, text, dimensions))]),
            ["total_duration"] = 1_000_000L,
            ["load_duration"] = 100_000L,
            ["prompt_eval_count"] = inputs.Sum(Deterministic.CountTokens),
        });
    }

    private static EmulatorReply LegacyEmbeddings(EmulatorCall call) => EmulatorReply.Json(new JsonObject
    {
        ["embedding"] = Vector(call.State, JsonText.Str(call.Json, "prompt") ?? string.Empty, call.State.EmbeddingDimensions),
    });

    private static JsonArray Vector(EmulatorState state, string text, int dimensions) =>
        new([.. state.Embedding(text, dimensions).Select(v => (JsonNode)v)]);

    private static EmulatorReply Tags(EmulatorCall call) => EmulatorReply.Json(new JsonObject
    {
        ["models"] = new JsonArray([.. call.State.ModelsOf(call.Vendor).Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["model"] = name,
            ["modified_at"] = Deterministic.CreatedIso,
            ["size"] = 1_000_000L,
            ["digest"] = Deterministic.Id(string.Empty, Deterministic.Hash(name), 64),
            ["details"] = new JsonObject
            {
                ["parent_model"] = string.Empty,
                ["format"] = "gguf",
                ["family"] = "emulator",
                ["families"] = new JsonArray("emulator"),
                ["parameter_size"] = "1B",
                ["quantization_level"] = "Q4_K_M",
            },
        })]),
    });
}
