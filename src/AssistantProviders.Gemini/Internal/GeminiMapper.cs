// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Internal;

/// <summary>Maps between MEAI chat types and the Gemini <c>generateContent</c> wire types. Pure functions; tested directly.</summary>
internal static class GeminiMapper
{
    private static readonly HashSet<string> BlockedReasons = new(StringComparer.Ordinal)
    {
        "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
    };

    public static GeminiGenerateContentRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var callNames = CollectCallNames(list);
        var request = new GeminiGenerateContentRequest();
        var system = new List<GeminiPart>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system.Add(new GeminiPart { Text = instructions });
        }

        foreach (var message in list)
        {
            if (message.Role == ChatRole.System)
            {
                system.AddRange(message.Contents.OfType<TextContent>().Where(t => !string.IsNullOrEmpty(t.Text)).Select(t => new GeminiPart { Text = t.Text }));
                continue;
            }

            var role = message.Role == ChatRole.Assistant ? "model" : "user";
            var parts = new List<GeminiPart>();
            foreach (var content in message.Contents)
            {
                if (ToPart(content, callNames) is { } part)
                {
                    parts.Add(part);
                }
            }

            if (parts.Count == 0)
            {
                continue;
            }

            // Gemini wants the answers to one turn's parallel calls in one content: merge consecutive tool-result messages.
            if (parts.TrueForAll(p => p.FunctionResponse is not null) && request.Contents.Count > 0 && request.Contents[^1].Role == role &&
                request.Contents[^1].Parts!.TrueForAll(p => p.FunctionResponse is not null))
            {
                request.Contents[^1].Parts!.AddRange(parts);
            }
            else
            {
                request.Contents.Add(new GeminiContent { Role = role, Parts = parts });
            }
        }

        if (system.Count > 0)
        {
            request.SystemInstruction = new GeminiContent { Parts = system };
        }

        if (options is not null)
        {
            AddTools(request, options);
            request.GenerationConfig = ToGenerationConfig(options);
        }

        return request;
    }

    public static ChatResponse FromResponse(GeminiGenerateContentResponse wire, string model)
    {
        var candidate = wire.Candidates![0];
        var message = new ChatMessage(ChatRole.Assistant, (IList<AIContent>)[]) { MessageId = wire.ResponseId, RawRepresentation = candidate };
        var callIndex = 0;
        foreach (var part in candidate.Content?.Parts ?? [])
        {
            AddPart(message.Contents, part, wire.ResponseId, ref callIndex);
        }

        return new ChatResponse(message)
        {
            ResponseId = wire.ResponseId,
            ModelId = wire.ModelVersion ?? model,
            CreatedAt = wire.CreateTime,
            FinishReason = ToFinishReason(candidate.FinishReason, callIndex > 0),
            Usage = ToUsage(wire.UsageMetadata),
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = GeminiProvider.Id },
        };
    }

    /// <summary>Maps one streamed event. Usage is kept in <paramref name="state"/> and reported once, at the end.</summary>
    public static ChatResponseUpdate FromChunk(GeminiGenerateContentResponse chunk, GeminiStreamState state, string model)
    {
        state.ResponseId ??= chunk.ResponseId;
        state.ModelVersion = chunk.ModelVersion ?? state.ModelVersion;
        var update = new ChatResponseUpdate
        {
            ResponseId = chunk.ResponseId ?? state.ResponseId,
            MessageId = chunk.ResponseId ?? state.ResponseId,
            ModelId = chunk.ModelVersion ?? state.ModelVersion ?? model,
            CreatedAt = chunk.CreateTime,
            Role = ChatRole.Assistant,
            RawRepresentation = chunk,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = GeminiProvider.Id },
        };

        if (ToUsage(chunk.UsageMetadata) is not null)
        {
            state.LastUsage = chunk.UsageMetadata;
        }

        var candidate = chunk.Candidates is { Count: > 0 } candidates ? candidates[0] : null;
        foreach (var part in candidate?.Content?.Parts ?? [])
        {
            if (part.FunctionCall is { } call && (call.WillContinue == true || call.PartialArgs is not null || state.HasPendingCall || (call.Name is null && call.Args is null)))
            {
                if (state.ApplyStreamedCall(call, part.ThoughtSignature, chunk.ResponseId ?? state.ResponseId) is { } done)
                {
                    update.Contents.Add(done);
                }

                continue;
            }

            var index = state.CallCount;
            AddPart(update.Contents, part, chunk.ResponseId ?? state.ResponseId, ref index);
            state.CallCount = index;
        }

        if (update.Contents.Count > 0)
        {
            state.ExposedContent = true;
        }

        if (candidate?.FinishReason is { Length: > 0 } reason && reason != "FINISH_REASON_UNSPECIFIED")
        {
            if (state.FinishPendingCall(chunk.ResponseId ?? state.ResponseId) is { } last)
            {
                update.Contents.Add(last);
            }

            update.FinishReason = ToFinishReason(reason, state.CallCount > 0);
            state.FinishReason = update.FinishReason;
        }

        return update;
    }

    /// <summary>Returns the error for a blocked prompt or answer, or <see langword="null"/>.</summary>
    public static ContentFilteredException? BlockedError(GeminiGenerateContentResponse wire, string model)
    {
        if (wire.Candidates is null or { Count: 0 } && wire.PromptFeedback?.BlockReason is { Length: > 0 } blockReason)
        {
            return Blocked("the prompt", blockReason, wire.PromptFeedback.BlockReasonMessage, model);
        }

        if (wire.Candidates is { Count: > 0 } candidates && candidates[0].FinishReason is { } finish && BlockedReasons.Contains(finish))
        {
            return Blocked("the answer", finish, candidates[0].FinishMessage, model);
        }

        return null;
    }

    public static UsageDetails? ToUsage(GeminiUsageMetadata? usage)
    {
        if (usage is null || (usage.PromptTokenCount is null && usage.CandidatesTokenCount is null && usage.TotalTokenCount is null))
        {
            return null;
        }

        // Thinking tokens are billed as output: MEAI counts reasoning inside OutputTokenCount.
        var input = (usage.PromptTokenCount ?? 0) + (usage.ToolUsePromptTokenCount ?? 0);
        var output = (usage.CandidatesTokenCount ?? 0) + (usage.ThoughtsTokenCount ?? 0);
        return new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = output,
            TotalTokenCount = usage.TotalTokenCount ?? (input + output),
            CachedInputTokenCount = usage.CachedContentTokenCount,
            ReasoningTokenCount = usage.ThoughtsTokenCount,
        };
    }

    public static ChatFinishReason? ToFinishReason(string? reason, bool hasCalls) => reason switch
    {
        null or "" or "FINISH_REASON_UNSPECIFIED" => null,
        "STOP" => hasCalls ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        _ when BlockedReasons.Contains(reason) => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    /// <summary>Synthesizes a stable call id: Gemini's own when given, else name, response id and position in the answer.</summary>
    public static string CallId(GeminiFunctionCall call, string? responseId, int index) =>
        !string.IsNullOrEmpty(call.Id) ? call.Id : $"{call.Name}_{responseId ?? "call"}_{index}";

    public static FunctionCallContent ToCallContent(string callId, string name, JsonElement? args, string? signature)
    {
        var content = new FunctionCallContent(callId, name, FunctionJson.ToArguments(args));
        if (signature is not null)
        {
            (content.AdditionalProperties ??= [])[GeminiPropertyNames.ThoughtSignature] = signature;
        }

        return content;
    }

    private static void AddPart(IList<AIContent> contents, GeminiPart part, string? responseId, ref int callIndex)
    {
        if (part.FunctionCall is { } call)
        {
            contents.Add(ToCallContent(CallId(call, responseId, callIndex), call.Name ?? string.Empty, call.Args, part.ThoughtSignature));
            callIndex++;
            return;
        }

        if (part.Text is { Length: > 0 } text)
        {
            AIContent content = part.Thought == true ? new TextReasoningContent(text) : new TextContent(text);
            if (part.ThoughtSignature is { } signature)
            {
                (content.AdditionalProperties ??= [])[GeminiPropertyNames.ThoughtSignature] = signature;
            }

            contents.Add(content);
            return;
        }

        if (part.InlineData is { Data: { } data } blob)
        {
            contents.Add(new DataContent(Convert.FromBase64String(data), blob.MimeType ?? "application/octet-stream") { RawRepresentation = part });
            return;
        }

        if (part.FileData is { FileUri: { } uri } file && Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            contents.Add(new UriContent(parsed, file.MimeType ?? "application/octet-stream") { RawRepresentation = part });
        }
    }

    private static GeminiPart? ToPart(AIContent content, Dictionary<string, string> callNames)
    {
        var signature = content.AdditionalProperties is { } props && props.TryGetValue(GeminiPropertyNames.ThoughtSignature, out var s) ? s as string : null;
        switch (content)
        {
            case TextReasoningContent:
                return null; // Thought summaries are not sent back; their signature travels on the next part.
            case TextContent { Text.Length: > 0 } text:
                return new GeminiPart { Text = text.Text, ThoughtSignature = signature };
            case DataContent data:
                return new GeminiPart { InlineData = new GeminiBlob { MimeType = data.MediaType, Data = data.Base64Data.ToString() } };
            case UriContent uri:
                return new GeminiPart { FileData = new GeminiFileData { MimeType = uri.MediaType, FileUri = uri.Uri.ToString() } };
            case FunctionCallContent call:
                return new GeminiPart
                {
                    FunctionCall = new GeminiFunctionCall { Name = call.Name, Args = FunctionJson.ArgumentsElement(call.Arguments) },
                    ThoughtSignature = signature,
                };
            case FunctionResultContent result:
                if (!callNames.TryGetValue(result.CallId, out var name))
                {
                    throw new ArgumentException(
                        $"The function result with call id '{result.CallId}' has no matching function call in the conversation. Gemini addresses results by function name, so keep the assistant message that holds the call.",
                        nameof(content));
                }

                return new GeminiPart { FunctionResponse = new GeminiFunctionResponse { Name = name, Response = ResponseObject(result) } };
            default:
                return null;
        }
    }

    private static Dictionary<string, string> CollectCallNames(IEnumerable<ChatMessage> messages)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var call in messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            names[call.CallId] = call.Name;
        }

        return names;
    }

    /// <summary>Gemini wants the response as a JSON object: objects pass through, anything else is wrapped as <c>{"result": …}</c>.</summary>
    private static JsonElement ResponseObject(FunctionResultContent result)
    {
        var value = result.Result is null && result.Exception is { } error
            ? FunctionJson.ResultElement("Error: " + error.Message)
            : FunctionJson.ResultElement(result.Result);
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("result");
            value.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static void AddTools(GeminiGenerateContentRequest request, ChatOptions options)
    {
        var declarations = (options.Tools ?? []).OfType<AIFunctionDeclaration>().Select(f => new GeminiFunctionDeclaration
        {
            Name = f.Name,
            Description = string.IsNullOrEmpty(f.Description) ? null : f.Description,
            Parameters = GeminiSchemaConverter.ToParameters(f.JsonSchema),
        }).ToList();
        if (declarations.Count == 0)
        {
            return;
        }

        request.Tools = [new GeminiTool { FunctionDeclarations = declarations }];
        request.ToolConfig = options.ToolMode switch
        {
            NoneChatToolMode => Calling("NONE", null),
            RequiredChatToolMode { RequiredFunctionName: { } name } => Calling("ANY", [name]),
            RequiredChatToolMode => Calling("ANY", null),
            AutoChatToolMode => Calling("AUTO", null),
            _ => null,
        };

        static GeminiToolConfig Calling(string mode, List<string>? names) =>
            new() { FunctionCallingConfig = new GeminiFunctionCallingConfig { Mode = mode, AllowedFunctionNames = names } };
    }

    private static GeminiGenerationConfig? ToGenerationConfig(ChatOptions options)
    {
        var config = new GeminiGenerationConfig
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            TopK = options.TopK,
            MaxOutputTokens = options.MaxOutputTokens,
            StopSequences = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null,
            Seed = options.Seed,
            PresencePenalty = options.PresencePenalty,
            FrequencyPenalty = options.FrequencyPenalty,
        };

        if (options.ResponseFormat is ChatResponseFormatJson json)
        {
            config.ResponseMimeType = "application/json";
            if (json.Schema is { } schema)
            {
                config.ResponseSchema = GeminiSchemaConverter.Convert(schema);
            }
        }

        var props = options.AdditionalProperties;
        if (props is not null)
        {
            int? budget = props.TryGetValue(GeminiPropertyNames.ThinkingBudget, out int b) ? b : null;
            bool? include = props.TryGetValue(GeminiPropertyNames.IncludeThoughts, out bool i) ? i : null;
            if (budget is not null || include is not null)
            {
                config.ThinkingConfig = new GeminiThinkingConfig { ThinkingBudget = budget, IncludeThoughts = include };
            }
        }

        var empty = config.Temperature is null && config.TopP is null && config.TopK is null && config.MaxOutputTokens is null &&
            config.StopSequences is null && config.Seed is null && config.PresencePenalty is null && config.FrequencyPenalty is null &&
            config.ResponseMimeType is null && config.ThinkingConfig is null;
        return empty ? null : config;
    }

    private static ContentFilteredException Blocked(string what, string reason, string? vendorMessage, string model) =>
        new($"Gemini blocked {what} (reason {reason})" + (string.IsNullOrWhiteSpace(vendorMessage) ? "." : $": {vendorMessage}"))
        {
            ProviderId = GeminiProvider.Id,
            ModelId = model,
            ErrorCode = reason,
        };
}
