// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// The OpenAI chat-completions wire format, shared by OpenAI, Groq (<c>x_groq</c>), Mistral (whole tool calls without <c>index</c>,
/// usage on the last chunk, flat errors) and every OpenAI-compatible vendor id.
/// </summary>
internal sealed class OpenAIWire : WireFormat
{
    private readonly bool _groq;
    private readonly bool _mistral;

    // Vendors that always put usage on the last chunk, whether or not stream_options.include_usage is sent.
    private readonly bool _usageOnLastChunk;

    public OpenAIWire(string vendor)
    {
        _groq = vendor == "groq";
        _mistral = vendor == "mistral";
        _usageOnLastChunk = vendor is "mistral" or "together" or "fireworks" or "perplexity";
    }

    public override IReadOnlyList<string> MalformedFrames { get; } =
    [
        "data: {\"id\":\"chatcmpl-emu-malformed\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\n\n",
        "data: [DONE]\n\n",
    ];

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter)
    {
        return call.Route switch
        {
            "chat/completions" when call.IsPost => Chat(call, contentFilter),
            "embeddings" when call.IsPost => Embeddings(call),
            "models" when call.IsGet => Models(call),
            "audio/transcriptions" or "audio/translations" when call.IsPost => Transcription(call),
            "audio/speech" when call.IsPost => Speech(call),
            _ when call.Route.StartsWith("images/", StringComparison.Ordinal) => OpenAIImageRoutes.Handle(call, (kind, message) => Error(kind, message, null)),
            _ when call.IsGet && call.Route.StartsWith("models/", StringComparison.Ordinal) => Model(call),
            // Fireworks lists models on its control plane: GET /v1/accounts/{account}/models.
            _ when call.IsGet && call.Route.StartsWith("accounts/", StringComparison.Ordinal) && call.Route.EndsWith("/models", StringComparison.Ordinal) => Models(call),
            _ => null,
        };
    }

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var (type, code) = kind switch
        {
            ErrorKind.Unauthorized => ("invalid_request_error", "invalid_api_key"),
            ErrorKind.NotFound => ("invalid_request_error", "model_not_found"),
            ErrorKind.RateLimited => ("requests", "rate_limit_exceeded"),
            ErrorKind.Server => ("server_error", (string?)null),
            ErrorKind.Unavailable or ErrorKind.Overloaded => ("server_error", "service_unavailable"),
            ErrorKind.ContextLength => ("invalid_request_error", "context_length_exceeded"),
            ErrorKind.ContentFilter => ("invalid_request_error", "content_filter"),
            _ => ("invalid_request_error", null),
        };
        var param = kind is ErrorKind.ContextLength or ErrorKind.ContentFilter ? "messages" : null;
        var text = message ?? DefaultMessage(kind);
        JsonObject body = _mistral
            ? new() { ["object"] = "error", ["message"] = text, ["type"] = type, ["param"] = param, ["code"] = code }
            : new() { ["error"] = new JsonObject { ["message"] = text, ["type"] = type, ["param"] = param, ["code"] = code } };
        return EmulatorReply.Json(body, StatusOf(kind));
    }

    private static ChatTurn Parse(JsonNode? json)
    {
        var turn = new ChatTurn
        {
            Model = JsonText.Str(json, "model") ?? EmulatorDefaults.CheapModel,
            Stream = JsonText.Bool(json, "stream") == true,
            IncludeUsage = JsonText.Bool(JsonText.Obj(json, "stream_options"), "include_usage") == true,
        };
        turn.ReadMessages(JsonText.Arr(json, "messages"), "tool", "function");
        turn.ReadFunctionTools(JsonText.Arr(json, "tools"));

        var choice = json?["tool_choice"];
        if (choice is JsonValue)
        {
            var mode = choice.ToString();
            turn.ToolRequired = mode is "required" or "any";
            turn.ToolsDisabled = mode == "none";
        }
        else if (JsonText.Str(JsonText.Obj(choice, "function"), "name") is { } forced)
        {
            turn.ForcedTool = forced;
        }

        var format = JsonText.Str(JsonText.Obj(json, "response_format"), "type");
        turn.JsonMode = format is "json_object" or "json_schema";
        return turn;
    }

    private EmulatorReply Chat(EmulatorCall call, bool contentFilter)
    {
        var turn = Parse(call.Json);
        var answer = AnswerEngine.Answer(turn, call.Vendor, call.State, call.Seed, contentFilter);
        return turn.Stream ? ChatStream(answer, turn.IncludeUsage) : EmulatorReply.Json(ChatBody(answer));
    }

    private static string FinishReason(ChatAnswer answer) =>
        answer.Filtered ? "content_filter" : answer.IsToolCall ? "tool_calls" : "stop";

    private static JsonObject Usage(ChatAnswer answer) => new()
    {
        ["prompt_tokens"] = answer.PromptTokens,
        ["completion_tokens"] = answer.CompletionTokens,
        ["total_tokens"] = answer.TotalTokens,
    };

    private JsonObject ToolCall(ChatAnswer answer, string arguments, bool withIndex, bool withHeader)
    {
        var function = new JsonObject();
        if (withHeader)
        {
            function["name"] = answer.ToolName;
        }

        function["arguments"] = arguments;
        var call = new JsonObject();
        if (withIndex)
        {
            call["index"] = 0;
        }

        if (withHeader)
        {
            call["id"] = answer.ToolCallId("call_");
            if (!_mistral)
            {
                call["type"] = "function";
            }
        }

        call["function"] = function;
        return call;
    }

    private JsonObject ChatBody(ChatAnswer answer)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = answer.Text };
        if (answer.IsToolCall)
        {
            message["tool_calls"] = new JsonArray(ToolCall(answer, answer.ToolArguments, withIndex: false, withHeader: true));
        }
        else if (!_mistral)
        {
            message["refusal"] = null;
        }

        var body = new JsonObject
        {
            ["id"] = answer.Id("chatcmpl-emu"),
            ["object"] = "chat.completion",
            ["created"] = Deterministic.CreatedUnix,
            ["model"] = answer.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = FinishReason(answer),
            }),
            ["usage"] = Usage(answer),
            ["system_fingerprint"] = "fp_emulator",
        };
        if (_groq)
        {
            body["x_groq"] = new JsonObject { ["id"] = answer.Id("req_emu") };
        }

        return body;
    }

    private static JsonObject Chunk(ChatAnswer answer, JsonObject delta, string? finishReason, bool usageNull)
    {
        var chunk = new JsonObject
        {
            ["id"] = answer.Id("chatcmpl-emu"),
            ["object"] = "chat.completion.chunk",
            ["created"] = Deterministic.CreatedUnix,
            ["model"] = answer.Model,
            ["system_fingerprint"] = "fp_emulator",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
        };
        if (usageNull)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    private EmulatorReply ChatStream(ChatAnswer answer, bool includeUsage)
    {
        // OpenAI sends "usage": null on every chunk when include_usage is on; Groq and Mistral put usage on the last chunk instead.
        var usageNull = includeUsage && !_groq && !_usageOnLastChunk;
        var frames = new List<string>
        {
            Sse.Data(Chunk(answer, new JsonObject { ["role"] = "assistant", ["content"] = answer.Text is null ? null : string.Empty }, null, usageNull)),
        };
        var finish = Chunk(answer, new JsonObject(), FinishReason(answer), usageNull);
        if (answer.IsToolCall && _mistral)
        {
            // Mistral: the whole call (no index, no type) arrives with finish_reason and usage in one delta.
            finish = Chunk(answer, new JsonObject { ["content"] = null, ["tool_calls"] = new JsonArray(ToolCall(answer, answer.ToolArguments, withIndex: false, withHeader: true)) }, "tool_calls", usageNull);
        }
        else if (answer.IsToolCall)
        {
            frames.Add(Sse.Data(Chunk(answer, new JsonObject { ["tool_calls"] = new JsonArray(ToolCall(answer, string.Empty, withIndex: true, withHeader: true)) }, null, usageNull)));
            foreach (var piece in Deterministic.SplitArguments(answer.ToolArguments))
            {
                frames.Add(Sse.Data(Chunk(answer, new JsonObject { ["tool_calls"] = new JsonArray(ToolCall(answer, piece, withIndex: true, withHeader: false)) }, null, usageNull)));
            }
        }
        else if (answer.Text is { } text)
        {
            foreach (var word in Deterministic.SplitWords(text))
            {
                frames.Add(Sse.Data(Chunk(answer, new JsonObject { ["content"] = word }, null, usageNull)));
            }
        }

        if (_groq)
        {
            finish["x_groq"] = new JsonObject { ["id"] = answer.Id("req_emu"), ["usage"] = Usage(answer) };
        }

        if (_usageOnLastChunk || (_groq && includeUsage))
        {
            finish["usage"] = Usage(answer);
        }

        frames.Add(Sse.Data(finish));
        if (usageNull)
        {
            var usage = Chunk(answer, new JsonObject(), null, usageNull: false);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(answer);
            frames.Add(Sse.Data(usage));
        }

        frames.Add(Sse.Data("[DONE]"));
        return EmulatorReply.Stream(frames);
    }

    private static List<string> Inputs(JsonNode? input) => input switch
    {
        JsonArray items => [.. items.Select(JsonText.Content)],
        null => [],
        _ => [JsonText.Content(input)],
    };

    private EmulatorReply Embeddings(EmulatorCall call)
    {
        var json = call.Json;
        var inputs = Inputs(json?["input"]);
        if (inputs.Count == 0)
        {
            return Error(ErrorKind.InvalidRequest, "'input' is required.", null);
        }

        var dimensions = JsonText.Int(json, "dimensions") ?? JsonText.Int(json, "output_dimension") ?? call.State.EmbeddingDimensions;
        var base64 = JsonText.Str(json, "encoding_format") == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = call.State.Embedding(inputs[i], dimensions);
            data.Add((JsonNode)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64 ? Deterministic.ToBase64(vector) : new JsonArray([.. vector.Select(v => (JsonNode)v)]),
            });
        }

        var tokens = inputs.Sum(Deterministic.CountTokens);
        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = JsonText.Str(json, "model") ?? EmulatorDefaults.EmbeddingModel,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        if (_mistral)
        {
            body["id"] = Deterministic.Id("emb-emu", call.Seed);
        }

        return EmulatorReply.Json(body);
    }

    private static JsonObject ModelObject(string id) => new()
    {
        ["id"] = id,
        ["object"] = "model",
        ["created"] = Deterministic.CreatedUnix,
        ["owned_by"] = EmulatorDefaults.ProviderId,
    };

    private static EmulatorReply Models(EmulatorCall call) => EmulatorReply.Json(new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. call.State.ModelsOf(call.Vendor).Select(m => (JsonNode)ModelObject(m))]),
    });

    private EmulatorReply Model(EmulatorCall call)
    {
        var id = call.Route["models/".Length..];
        return call.State.ModelsOf(call.Vendor).Contains(id, StringComparer.Ordinal)
            ? EmulatorReply.Json(ModelObject(id))
            : Error(ErrorKind.NotFound, $"The model '{id}' does not exist or you do not have access to it.", null);
    }

    private EmulatorReply Transcription(EmulatorCall call)
    {
        if (!call.IsMultipart)
        {
            return Error(ErrorKind.InvalidRequest, "The request must be multipart/form-data with a 'file' part.", null);
        }

        var form = call.Http.Request.Form;
        if (form.Files.Count == 0)
        {
            return Error(ErrorKind.InvalidRequest, "'file' is required.", null);
        }

        var text = EmulatorDefaults.TranscriptText;
        var duration = Math.Round(Deterministic.CountTokens(text) * 0.4, 2);
        return form["response_format"].ToString() switch
        {
            "text" => EmulatorReply.Text(text, "text/plain; charset=utf-8"),
            "srt" => EmulatorReply.Text($"1\n00:00:00,000 --> 00:00:{duration:00},000\n{text}\n", "text/plain; charset=utf-8"),
            "vtt" => EmulatorReply.Text($"WEBVTT\n\n00:00:00.000 --> 00:00:{duration:00}.000\n{text}\n", "text/plain; charset=utf-8"),
            "verbose_json" => EmulatorReply.Json(new JsonObject
            {
                ["task"] = call.Route.EndsWith("translations", StringComparison.Ordinal) ? "translate" : "transcribe",
                ["language"] = "english",
                ["duration"] = duration,
                ["text"] = text,
                ["segments"] = new JsonArray(new JsonObject { ["id"] = 0, ["start"] = 0.0, ["end"] = duration, ["text"] = text }),
            }),
            _ => EmulatorReply.Json(new JsonObject { ["text"] = text }),
        };
    }

    private EmulatorReply Speech(EmulatorCall call)
    {
        var input = JsonText.Str(call.Json, "input");
        if (string.IsNullOrEmpty(input))
        {
            return Error(ErrorKind.InvalidRequest, "'input' is required.", null);
        }

        return JsonText.Str(call.Json, "response_format") switch
        {
            "wav" => EmulatorReply.Binary(AudioPayloads.Wav(input), "audio/wav"),
            "pcm" => EmulatorReply.Binary(AudioPayloads.Pcm(input), "audio/pcm"),
            _ => EmulatorReply.Binary(AudioPayloads.Mp3(input), "audio/mpeg"),
        };
    }
}
