// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>Maps between MEAI chat types and the Anthropic Messages API. Pure functions; tested directly.</summary>
internal static class AnthropicMapper
{
    public static AnthropicMessagesRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, int defaultMaxTokens, bool stream)
    {
        var request = new AnthropicMessagesRequest
        {
            Model = model,
            MaxTokens = options?.MaxOutputTokens ?? defaultMaxTokens,
            Stream = stream ? true : null,
        };

        var system = new List<string>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system.Add(instructions);
        }

        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                if (message.Text is { Length: > 0 } text)
                {
                    system.Add(text);
                }

                continue;
            }

            AddMessage(request.Messages, message);
        }

        request.System = system.Count > 0 ? string.Join("\n\n", system) : null;
        if (options is null)
        {
            return request;
        }

        request.Temperature = options.Temperature;
        request.TopP = options.TopP;
        request.TopK = options.TopK;
        request.StopSequences = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null;

        if (options.Tools is { Count: > 0 } tools)
        {
            foreach (var f in tools.OfType<AIFunctionDeclaration>())
            {
                (request.Tools ??= []).Add(new AnthropicTool
                {
                    Name = f.Name,
                    Description = string.IsNullOrEmpty(f.Description) ? null : f.Description,
                    InputSchema = f.JsonSchema,
                });
            }

            if (request.Tools is not null)
            {
                request.ToolChoice = ToToolChoice(options.ToolMode, options.AllowMultipleToolCalls);
            }
        }

        if (options.ResponseFormat is ChatResponseFormatJson { Schema: { } schema })
        {
            request.OutputConfig = new AnthropicOutputConfig { Format = new AnthropicOutputFormat { Schema = schema } };
        }

        if (options.AdditionalProperties is { } props)
        {
            if (props.TryGetValue(AnthropicChatClient.ThinkingBudgetTokensKey, out var budget) && ToInt(budget) is { } tokens)
            {
                request.Thinking = new AnthropicThinking { BudgetTokens = tokens };
            }

            if (props.TryGetValue(AnthropicChatClient.UserIdKey, out var user) && user is string { Length: > 0 } userId)
            {
                request.Metadata = new AnthropicMetadata { UserId = userId };
            }
        }

        return request;
    }

    public static ChatResponse FromResponse(AnthropicMessageResponse wire, string providerId)
    {
        var message = new ChatMessage(ChatRole.Assistant, (IList<AIContent>)[]) { MessageId = wire.Id, RawRepresentation = wire };
        foreach (var block in wire.Content ?? [])
        {
            switch (block.Type)
            {
                case "text" when !string.IsNullOrEmpty(block.Text):
                    message.Contents.Add(new TextContent(block.Text) { RawRepresentation = block });
                    break;
                case "tool_use":
                    message.Contents.Add(new FunctionCallContent(block.Id ?? string.Empty, block.Name ?? string.Empty, FunctionJson.ToArguments(block.Input) ?? [])
                    {
                        RawRepresentation = block,
                    });
                    break;
                case "thinking":
                    message.Contents.Add(new TextReasoningContent(block.Thinking) { ProtectedData = block.Signature, RawRepresentation = block });
                    break;
                case "redacted_thinking":
                    message.Contents.Add(new TextReasoningContent(string.Empty) { ProtectedData = block.Data, RawRepresentation = block });
                    break;
            }
        }

        var response = new ChatResponse(message)
        {
            ResponseId = wire.Id,
            ModelId = wire.Model,
            FinishReason = ToFinishReason(wire.StopReason),
            Usage = ToUsage(wire.Usage),
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = providerId },
        };
        if (wire.StopSequence is { } sequence)
        {
            response.AdditionalProperties[AnthropicChatClient.StopSequenceKey] = sequence;
        }

        return response;
    }

    /// <summary>Applies one stream event to <paramref name="state"/>; returns the update to expose, or <see langword="null"/>.</summary>
    public static ChatResponseUpdate? FromEvent(AnthropicStreamEvent evt, AnthropicStreamState state, string providerId)
    {
        var update = new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            RawRepresentation = evt,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = providerId },
        };

        switch (evt.Type)
        {
            case "message_start":
                state.ResponseId = evt.Message?.Id ?? state.ResponseId;
                state.ModelId = evt.Message?.Model ?? state.ModelId;
                state.MergeUsage(evt.Message?.Usage);
                return null;

            case "content_block_start" when evt.ContentBlock is { } block:
                switch (block.Type)
                {
                    case "text" when !string.IsNullOrEmpty(block.Text):
                        update.Contents.Add(new TextContent(block.Text));
                        break;
                    case "thinking" when !string.IsNullOrEmpty(block.Thinking):
                        update.Contents.Add(new TextReasoningContent(block.Thinking));
                        break;
                    case "redacted_thinking":
                        update.Contents.Add(new TextReasoningContent(string.Empty) { ProtectedData = block.Data });
                        break;
                    case "tool_use":
                        state.StartToolUse(evt.Index ?? -1, block);
                        break;
                }

                break;

            case "content_block_delta" when evt.Delta is { } delta:
                switch (delta.Type)
                {
                    case "text_delta" when !string.IsNullOrEmpty(delta.Text):
                        update.Contents.Add(new TextContent(delta.Text));
                        break;
                    case "input_json_delta":
                        state.AppendToolJson(evt.Index ?? -1, delta.PartialJson);
                        break;
                    case "thinking_delta" when !string.IsNullOrEmpty(delta.Thinking):
                        update.Contents.Add(new TextReasoningContent(delta.Thinking));
                        break;
                    case "signature_delta" when !string.IsNullOrEmpty(delta.Signature):
                        update.Contents.Add(new TextReasoningContent(string.Empty) { ProtectedData = delta.Signature });
                        break;
                }

                break;

            case "content_block_stop":
                if (state.FinishToolUse(evt.Index ?? -1) is { } call)
                {
                    update.Contents.Add(call);
                }

                break;

            case "message_delta":
                state.MergeUsage(evt.Usage);
                if (evt.Delta?.StopReason is { } reason)
                {
                    update.FinishReason = ToFinishReason(reason);
                }

                if (evt.Delta?.StopSequence is { } sequence)
                {
                    update.AdditionalProperties[AnthropicChatClient.StopSequenceKey] = sequence;
                }

                if (!state.UsageReported && ToUsage(state.Usage) is { } usage)
                {
                    update.Contents.Add(new UsageContent(usage));
                    state.UsageReported = true;
                }

                break;

            default:
                return null;
        }

        if (update.Contents.Count == 0 && update.FinishReason is null)
        {
            return null;
        }

        state.ExposedContent = true;
        update.ResponseId = state.ResponseId;
        update.MessageId = state.ResponseId;
        update.ModelId = state.ModelId;
        return update;
    }

    /// <summary>
    /// MEAI usage from Anthropic usage: <c>InputTokenCount</c> is the whole prompt (uncached + cache reads + cache writes),
    /// <c>CachedInputTokenCount</c> the cache reads, and cache writes also go to <c>AdditionalCounts["CacheCreationInputTokens"]</c>.
    /// </summary>
    public static UsageDetails? ToUsage(AnthropicUsage? usage)
    {
        if (usage is null || (usage.InputTokens is null && usage.OutputTokens is null))
        {
            return null;
        }

        long input = (usage.InputTokens ?? 0) + (usage.CacheReadInputTokens ?? 0) + (usage.CacheCreationInputTokens ?? 0);
        var details = new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = usage.OutputTokens,
            TotalTokenCount = input + (usage.OutputTokens ?? 0),
            CachedInputTokenCount = usage.CacheReadInputTokens,
        };
        if (usage.CacheCreationInputTokens is { } created)
        {
            details.AdditionalCounts = new() { [AnthropicChatClient.CacheCreationInputTokensKey] = created };
        }

        return details;
    }

    public static ChatFinishReason? ToFinishReason(string? reason) => reason switch
    {
        null or "" => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    public static IEnumerable<ModelDescriptor> ToModels(AnthropicModelList list, ProviderDescriptor provider)
    {
        foreach (var m in list.Data ?? [])
        {
            if (string.IsNullOrWhiteSpace(m.Id))
            {
                continue;
            }

            yield return new ModelDescriptor(provider.Id, m.Id)
            {
                DisplayName = m.DisplayName,
                OwnedBy = "anthropic",
                Capabilities = provider.Capabilities,
                CreatedAt = m.CreatedAt,
                Locality = provider.Locality,
                ComplianceTags = [.. provider.ComplianceTags],
                Regions = [.. provider.Regions],
                Discovered = true,
            };
        }
    }

    private static AnthropicToolChoice? ToToolChoice(ChatToolMode? mode, bool? allowMultiple)
    {
        var disableParallel = allowMultiple == false ? true : (bool?)null;
        return mode switch
        {
            NoneChatToolMode => new AnthropicToolChoice { Type = "none" },
            RequiredChatToolMode { RequiredFunctionName: { } name } => new AnthropicToolChoice { Type = "tool", Name = name, DisableParallelToolUse = disableParallel },
            RequiredChatToolMode => new AnthropicToolChoice { Type = "any", DisableParallelToolUse = disableParallel },
            AutoChatToolMode => new AnthropicToolChoice { Type = "auto", DisableParallelToolUse = disableParallel },
            _ when disableParallel is not null => new AnthropicToolChoice { Type = "auto", DisableParallelToolUse = disableParallel },
            _ => null,
        };
    }

    private static void AddMessage(List<AnthropicMessage> target, ChatMessage message)
    {
        var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
        var results = new List<AnthropicContentBlock>();
        var blocks = new List<AnthropicContentBlock>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case FunctionResultContent result:
                    results.Add(new AnthropicContentBlock
                    {
                        Type = "tool_result",
                        ToolUseId = result.CallId,
                        Content = FunctionJson.SerializeResult(result.Result),
                        IsError = result.Exception is not null ? true : null,
                    });
                    break;
                case TextContent text when !string.IsNullOrEmpty(text.Text):
                    blocks.Add(new AnthropicContentBlock { Type = "text", Text = text.Text });
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    blocks.Add(new AnthropicContentBlock
                    {
                        Type = "image",
                        Source = new AnthropicSource { Type = "base64", MediaType = data.MediaType, Data = Convert.ToBase64String(data.Data.Span) },
                    });
                    break;
                case DataContent data when data.MediaType == "application/pdf":
                    blocks.Add(new AnthropicContentBlock
                    {
                        Type = "document",
                        Source = new AnthropicSource { Type = "base64", MediaType = data.MediaType, Data = Convert.ToBase64String(data.Data.Span) },
                    });
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    blocks.Add(new AnthropicContentBlock { Type = "image", Source = new AnthropicSource { Type = "url", Url = uri.Uri.AbsoluteUri } });
                    break;
                case UriContent uri when uri.MediaType == "application/pdf":
                    blocks.Add(new AnthropicContentBlock { Type = "document", Source = new AnthropicSource { Type = "url", Url = uri.Uri.AbsoluteUri } });
                    break;
                case FunctionCallContent call when role == "assistant":
                    blocks.Add(new AnthropicContentBlock { Type = "tool_use", Id = call.CallId, Name = call.Name, Input = FunctionJson.ArgumentsElement(call.Arguments) });
                    break;
                case TextReasoningContent { ProtectedData: { Length: > 0 } signature } reasoning when role == "assistant":
                    blocks.Add(string.IsNullOrEmpty(reasoning.Text)
                        ? new AnthropicContentBlock { Type = "redacted_thinking", Data = signature }
                        : new AnthropicContentBlock { Type = "thinking", Thinking = reasoning.Text, Signature = signature });
                    break;
            }
        }

        // Tool results travel in a user turn, and must come first in it.
        Append(target, "user", results);
        Append(target, role, blocks);
    }

    /// <summary>Adds blocks as a message, merged into the previous one when it has the same role (the API requires alternation).</summary>
    private static void Append(List<AnthropicMessage> target, string role, List<AnthropicContentBlock> blocks)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        if (target.Count > 0 && target[^1].Role == role)
        {
            target[^1].Content.AddRange(blocks);
        }
        else
        {
            target.Add(new AnthropicMessage { Role = role, Content = blocks });
        }
    }

    private static int? ToInt(object? value) => value switch
    {
        int i => i,
        long l => checked((int)l),
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
        _ => null,
    };
}
