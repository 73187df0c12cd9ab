// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>Maps between MEAI chat types and the OpenAI wire types. Pure functions; tested directly.</summary>
internal static class OpenAIWireMapper
{
    public static WireChatRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, OpenAIWireProfile profile, bool stream)
    {
        var request = new WireChatRequest { Model = model };
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            request.Messages.Add(new WireMessage { Role = "system", Content = new WireContent { Text = instructions } });
        }

        foreach (var message in messages)
        {
            AddMessage(request.Messages, message);
        }

        if (options is not null)
        {
            request.Temperature = options.Temperature;
            request.TopP = options.TopP;
            if (options.MaxOutputTokens is { } max)
            {
                if (profile.UseMaxCompletionTokens)
                {
                    request.MaxCompletionTokens = max;
                }
                else
                {
                    request.MaxTokens = max;
                }
            }

            request.Stop = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null;
            request.Seed = options.Seed;
            request.FrequencyPenalty = options.FrequencyPenalty;
            request.PresencePenalty = options.PresencePenalty;

            if (options.Tools is { Count: > 0 } tools)
            {
                foreach (var tool in tools)
                {
                    if (tool is AIFunctionDeclaration f)
                    {
                        (request.Tools ??= []).Add(new WireTool
                        {
                            Function = new WireFunctionDefinition
                            {
                                Name = f.Name,
                                Description = string.IsNullOrEmpty(f.Description) ? null : f.Description,
                                Parameters = f.JsonSchema,
                            },
                        });
                    }
                }

                if (request.Tools is not null)
                {
                    request.ToolChoice = options.ToolMode switch
                    {
                        NoneChatToolMode => StringElement("none"),
                        RequiredChatToolMode { RequiredFunctionName: { } name } => NamedToolChoice(name),
                        RequiredChatToolMode => StringElement("required"),
                        AutoChatToolMode => StringElement("auto"),
                        _ => null,
                    };
                    if (options.AllowMultipleToolCalls is { } parallel && profile.SupportsParallelToolCalls)
                    {
                        request.ParallelToolCalls = parallel;
                    }
                }
            }

            request.ResponseFormat = options.ResponseFormat switch
            {
                ChatResponseFormatJson { Schema: { } schema } json => new WireResponseFormat
                {
                    Type = "json_schema",
                    JsonSchema = new WireJsonSchema
                    {
                        Name = json.SchemaName ?? "response",
                        Description = json.SchemaDescription,
                        Schema = schema,
                        Strict = true,
                    },
                },
                ChatResponseFormatJson => new WireResponseFormat { Type = "json_object" },
                _ => null,
            };
        }

        if (stream)
        {
            request.Stream = true;
            if (profile.IncludeStreamUsage)
            {
                request.StreamOptions = new WireStreamOptions { IncludeUsage = true };
            }
        }

        profile.ConfigureRequest(request, options);
        return request;
    }

    public static ChatResponse FromResponse(WireChatResponse wire, string providerId)
    {
        var messages = new List<ChatMessage>();
        ChatFinishReason? finish = null;
        foreach (var choice in wire.Choices ?? [])
        {
            if (choice is null)
            {
                continue; // Some compatible servers send "choices":[null]; skip it rather than fail.
            }

            var m = choice.Message;
            var message = new ChatMessage(ToRole(m?.Role), (IList<AIContent>)[]) { MessageId = wire.Id, RawRepresentation = choice };
            if (m is not null)
            {
                AddReasoning(message.Contents, m);
                if (m.Content?.AllText is { Length: > 0 } text)
                {
                    message.Contents.Add(new TextContent(text));
                }

                if (m.Refusal is { Length: > 0 } refusal)
                {
                    message.Contents.Add(new ErrorContent(refusal) { ErrorCode = "refusal" });
                }

                foreach (var call in m.ToolCalls ?? [])
                {
                    if (call is null)
                    {
                        continue;
                    }

                    message.Contents.Add(ParseFunctionCall(call.Id ?? string.Empty, call.Function?.Name ?? string.Empty, call.Function?.Arguments));
                }
            }

            finish ??= ToFinishReason(choice.FinishReason);
            messages.Add(message);
            break; // n=1: one answer per request.
        }

        var response = new ChatResponse(messages)
        {
            ResponseId = wire.Id,
            ModelId = wire.Model,
            CreatedAt = UnixTime.ToDate(wire.Created),
            FinishReason = finish,
            Usage = ToUsage(wire.Usage),
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = providerId },
        };
        return response;
    }

    /// <summary>Maps one chunk; tool-call deltas go into <paramref name="state"/> and come out on the finishing update.</summary>
    public static ChatResponseUpdate FromChunk(WireChatResponse chunk, OpenAIWireStreamState state, string providerId)
    {
        var update = new ChatResponseUpdate
        {
            ResponseId = chunk.Id,
            MessageId = chunk.Id,
            ModelId = chunk.Model,
            CreatedAt = UnixTime.ToDate(chunk.Created),
            Role = ChatRole.Assistant,
            RawRepresentation = chunk,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = providerId },
        };

        foreach (var choice in chunk.Choices ?? [])
        {
            if (choice is null)
            {
                continue;
            }

            if (choice.Delta is { } delta)
            {
                if (delta.Role is { } role)
                {
                    update.Role = ToRole(role);
                }

                AddReasoning(update.Contents, delta);
                if (delta.Content?.AllText is { Length: > 0 } text)
                {
                    update.Contents.Add(new TextContent(text));
                    state.ExposedContent = true;
                }

                foreach (var call in delta.ToolCalls ?? [])
                {
                    if (call is null)
                    {
                        continue;
                    }

                    state.AddToolCallDelta(call);
                    state.ExposedContent = true;
                }
            }

            if (ToFinishReason(choice.FinishReason) is { } finish)
            {
                update.FinishReason = finish;
                state.FinishReason = finish;
                if (state.HasPendingCalls)
                {
                    foreach (var call in state.TakeCalls())
                    {
                        update.Contents.Add(call);
                    }
                }
            }
        }

        if (ToUsage(chunk.Usage) is { } usage && !state.UsageReported)
        {
            update.Contents.Add(new UsageContent(usage));
            state.UsageReported = true;
        }

        return update;
    }

    public static FunctionCallContent ParseFunctionCall(string callId, string name, string? argumentsJson) =>
        FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson,
            callId,
            name,
            static json => JsonSerializer.Deserialize(json, OpenAIWireJsonContext.Default.DictionaryStringJsonElement) is { } d
                ? d.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)
                : null);

    public static UsageDetails? ToUsage(WireUsage? usage)
    {
        if (usage is null || (usage.PromptTokens is null && usage.CompletionTokens is null && usage.TotalTokens is null))
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = usage.PromptTokens,
            OutputTokenCount = usage.CompletionTokens,
            TotalTokenCount = usage.TotalTokens ?? ((usage.PromptTokens ?? 0) + (usage.CompletionTokens ?? 0)),
            CachedInputTokenCount = usage.PromptTokensDetails?.CachedTokens,
            ReasoningTokenCount = usage.CompletionTokensDetails?.ReasoningTokens,
        };
    }

    public static ChatFinishReason? ToFinishReason(string? reason) => reason switch
    {
        null or "" => null,
        "stop" or "end_turn" or "eos" => ChatFinishReason.Stop,
        "length" or "max_tokens" or "model_length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" or "tool_use" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    public static ChatRole ToRole(string? role) => role switch
    {
        "system" or "developer" => ChatRole.System,
        "user" => ChatRole.User,
        "tool" => ChatRole.Tool,
        _ => ChatRole.Assistant,
    };

    private static void AddMessage(List<WireMessage> target, ChatMessage message)
    {
        var role = message.Role == ChatRole.System ? "system"
            : message.Role == ChatRole.User ? "user"
            : message.Role == ChatRole.Tool ? "tool"
            : "assistant";

        if (role == "tool" || message.Contents.OfType<FunctionResultContent>().Any())
        {
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                target.Add(new WireMessage
                {
                    Role = "tool",
                    ToolCallId = result.CallId,
                    Content = new WireContent { Text = SerializeResult(result.Result) },
                });
            }

            return;
        }

        var wire = new WireMessage { Role = role, Name = message.AuthorName };
        var parts = new List<WireContentPart>();
        var hasImage = false;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    parts.Add(new WireContentPart { Type = "text", Text = text.Text });
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(new WireContentPart { Type = "image_url", ImageUrl = new WireImageUrl { Url = data.Uri } });
                    hasImage = true;
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(new WireContentPart { Type = "image_url", ImageUrl = new WireImageUrl { Url = uri.Uri.ToString() } });
                    hasImage = true;
                    break;
                case FunctionCallContent call when role == "assistant":
                    (wire.ToolCalls ??= []).Add(new WireToolCall
                    {
                        Id = call.CallId,
                        Type = "function",
                        Function = new WireFunctionCall { Name = call.Name, Arguments = SerializeArguments(call.Arguments) },
                    });
                    break;
            }
        }

        if (hasImage)
        {
            wire.Content = new WireContent { Parts = parts };
        }
        else if (parts.Count > 0)
        {
            wire.Content = new WireContent { Text = string.Concat(parts.Select(p => p.Text)) };
        }
        else if (wire.ToolCalls is null)
        {
            wire.Content = new WireContent { Text = string.Empty };
        }

        target.Add(wire);
    }

    private static void AddReasoning(IList<AIContent> contents, WireMessage m)
    {
        if ((m.ReasoningContent ?? m.Reasoning) is { Length: > 0 } reasoning)
        {
            contents.Add(new TextReasoningContent(reasoning));
        }
    }

    // AIJsonUtilities.DefaultOptions writes indented JSON; tool arguments and results go on the wire compact.
    private static readonly JsonSerializerOptions CompactOptions = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    private static string SerializeArguments(IDictionary<string, object?>? arguments) =>
        arguments is null ? "{}" : JsonSerializer.Serialize(arguments, CompactOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static string SerializeResult(object? result) => result switch
    {
        null => string.Empty,
        string s => s,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result, CompactOptions.GetTypeInfo(result.GetType())),
    };

    private static JsonElement StringElement(string value)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(value, OpenAIWireJsonContext.Default.String));
        return doc.RootElement.Clone();
    }

    private static JsonElement NamedToolChoice(string name)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", name);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }
}
