// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Collections;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Maps between MEAI chat types and the Cohere v2 chat wire types. Pure functions; tested directly.</summary>
internal static class CohereMapper
{
    public static CohereChatRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream)
    {
        var request = new CohereChatRequest { Model = model, Stream = stream ? true : null };
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            request.Messages.Add(new CohereMessage { Role = "system", Content = new CohereContent { Text = instructions } });
        }

        foreach (var message in messages)
        {
            AddMessage(request.Messages, message);
        }

        if (options is null)
        {
            return request;
        }

        request.MaxTokens = options.MaxOutputTokens;
        request.Temperature = options.Temperature;
        request.P = options.TopP;
        request.K = options.TopK;
        request.Seed = options.Seed;
        request.FrequencyPenalty = options.FrequencyPenalty;
        request.PresencePenalty = options.PresencePenalty;
        request.StopSequences = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null;
        AddTools(request, options);
        request.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson json => new CohereResponseFormat { JsonSchema = json.Schema },
            _ => null,
        };

        if (options.AdditionalProperties is { } props)
        {
            request.Documents = props.TryGetValue(CoherePropertyNames.Documents, out var documents) ? ToDocuments(documents) : null;
            request.SafetyMode = props.TryGetValue(CoherePropertyNames.SafetyMode, out string? safety) && !string.IsNullOrWhiteSpace(safety) ? safety : null;
        }

        return request;
    }

    public static ChatResponse FromResponse(CohereChatResponse wire, string model)
    {
        var contents = new List<AIContent>();
        var m = wire.Message;
        if (m?.ToolPlan is { Length: > 0 } plan)
        {
            contents.Add(new TextReasoningContent(plan));
        }

        var texts = new List<TextContent>();
        foreach (var part in m?.Content?.Parts ?? (m?.Content?.Text is { } t ? [new CohereContentPart { Text = t }] : []))
        {
            if (part.Type == "thinking" && part.Thinking is { Length: > 0 } thinking)
            {
                contents.Add(new TextReasoningContent(thinking));
            }
            else if (part.Type == "text" && part.Text is { } text)
            {
                var content = new TextContent(text);
                texts.Add(content);
                contents.Add(content);
            }
        }

        foreach (var citation in m?.Citations ?? [])
        {
            var target = texts.Count == 0 ? null : texts[Math.Clamp(citation.ContentIndex ?? 0, 0, texts.Count - 1)];
            if (target is null)
            {
                target = new TextContent(string.Empty);
                texts.Add(target);
                contents.Add(target);
            }

            foreach (var annotation in ToAnnotations(citation))
            {
                (target.Annotations ??= []).Add(annotation);
            }
        }

        foreach (var call in m?.ToolCalls ?? [])
        {
            contents.Add(FunctionJson.ParseCall(call.Id ?? string.Empty, call.Function?.Name ?? string.Empty, call.Function?.Arguments));
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents) { MessageId = wire.Id, RawRepresentation = wire.Message })
        {
            ResponseId = wire.Id,
            ModelId = model,
            FinishReason = ToFinishReason(wire.FinishReason),
            Usage = ToUsage(wire.Usage),
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = CohereProvider.Id },
        };
    }

    /// <summary>Maps one typed stream event; returns <see langword="null"/> when it carries nothing to hand out.</summary>
    public static ChatResponseUpdate? FromEvent(CohereStreamEvent ev, CohereStreamState state, string model)
    {
        var message = ev.Delta is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("message", out var mm) && mm.ValueKind == JsonValueKind.Object ? mm : default;
        var update = new ChatResponseUpdate
        {
            ResponseId = state.ResponseId,
            MessageId = state.ResponseId,
            ModelId = model,
            Role = ChatRole.Assistant,
            RawRepresentation = ev,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = CohereProvider.Id },
        };

        switch (ev.Type)
        {
            case "message-start":
                state.ResponseId = ev.Id ?? state.ResponseId;
                return null;
            case "content-start" or "content-delta":
                if (Obj(message, "content") is { } content)
                {
                    if (Str(content, "thinking") is { Length: > 0 } thinking)
                    {
                        update.Contents.Add(new TextReasoningContent(thinking));
                    }

                    if (Str(content, "text") is { Length: > 0 } text)
                    {
                        update.Contents.Add(new TextContent(text));
                    }
                }

                break;
            case "tool-plan-delta":
                if (Str(message, "tool_plan") is { Length: > 0 } plan)
                {
                    update.Contents.Add(new TextReasoningContent(plan));
                }

                break;
            case "tool-call-start" or "tool-call-delta":
                if (Obj(message, "tool_calls") is { } call)
                {
                    var function = Obj(call, "function");
                    state.AddToolCallDelta(ev.Index ?? 0, Str(call, "id"), function is { } f ? Str(f, "name") : null, function is { } g ? Str(g, "arguments") : null);
                }

                break;
            case "tool-call-end":
                if (state.TakeCall(ev.Index ?? 0) is { } done)
                {
                    update.Contents.Add(done);
                }

                break;
            case "citation-start":
                if (Obj(message, "citations") is { } citationElement &&
                    citationElement.Deserialize(CohereJsonContext.Default.CohereCitation) is { } citation)
                {
                    update.Contents.Add(new TextContent(string.Empty) { Annotations = [.. ToAnnotations(citation)] });
                }

                break;
            case "message-end":
                foreach (var pending in state.TakeAllCalls())
                {
                    update.Contents.Add(pending);
                }

                var delta = ev.Delta ?? default;
                state.FinishReasonText = Str(delta, "finish_reason");
                state.Error = Str(delta, "error");
                state.Ended = true;
                update.FinishReason = ToFinishReason(state.FinishReasonText);
                if (Obj(delta, "usage") is { } usageElement && ToUsage(usageElement.Deserialize(CohereJsonContext.Default.CohereUsage)) is { } usage)
                {
                    update.Contents.Add(new UsageContent(usage));
                }

                break;
            default:
                return null;
        }

        if (update.Contents.Count == 0 && update.FinishReason is null)
        {
            return null;
        }

        state.ExposedContent |= update.Contents.Count > 0;
        return update;
    }

    public static UsageDetails? ToUsage(CohereUsage? usage)
    {
        var units = usage?.BilledUnits ?? usage?.Tokens;
        if (units is null || (units.InputTokens is null && units.OutputTokens is null && units.SearchUnits is null))
        {
            return null;
        }

        // Billing is on billed_units (tokens.* also counts the prompt template and is not charged).
        var input = ToLong(units.InputTokens);
        var output = ToLong(units.OutputTokens);
        var details = new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = output,
            TotalTokenCount = input is null && output is null ? null : (input ?? 0) + (output ?? 0),
        };
        if (ToLong(usage!.BilledUnits?.SearchUnits) is { } searches)
        {
            details.AdditionalCounts = new() { [CoherePropertyNames.SearchUnitsUsageKey] = searches };
        }

        return details;
    }

    public static long? ToLong(double? value) => value is { } v && double.IsFinite(v) ? (long)Math.Round(v) : null;

    public static ChatFinishReason? ToFinishReason(string? reason) => reason?.ToUpperInvariant() switch
    {
        null or "" => null,
        "COMPLETE" or "STOP_SEQUENCE" => ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "TOOL_CALL" => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(reason),
    };

    /// <summary>Gets a value indicating whether a finish reason means the generation failed (<c>ERROR</c>, <c>TIMEOUT</c>).</summary>
    public static bool IsFailure(string? reason) =>
        string.Equals(reason, "ERROR", StringComparison.OrdinalIgnoreCase) || string.Equals(reason, "TIMEOUT", StringComparison.OrdinalIgnoreCase);

    /// <summary>One annotation per cited source (Title and Url from the document fields when present), each over the cited span.</summary>
    public static IEnumerable<CitationAnnotation> ToAnnotations(CohereCitation citation)
    {
        var region = citation.Start is { } start && citation.End is { } end
            ? new TextSpanAnnotatedRegion { StartIndex = start, EndIndex = end }
            : null;
        IEnumerable<CohereSource?> sources = citation.Sources is { Count: > 0 } s ? s : new CohereSource?[] { null };
        foreach (var source in sources)
        {
            var document = source?.Document ?? source?.ToolOutput;
            var annotation = new CitationAnnotation
            {
                FileId = source?.Id,
                Snippet = citation.Text,
                Title = Field(document, "title"),
                Url = Field(document, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
                RawRepresentation = citation,
            };
            if (region is not null)
            {
                annotation.AnnotatedRegions = [region];
            }

            yield return annotation;
        }
    }

    private static void AddMessage(List<CohereMessage> target, ChatMessage message)
    {
        if (message.Role == ChatRole.Tool || message.Contents.OfType<FunctionResultContent>().Any())
        {
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                var text = result.Result is null && result.Exception is { } error ? "Error: " + error.Message : FunctionJson.SerializeResult(result.Result);
                target.Add(new CohereMessage { Role = "tool", ToolCallId = result.CallId, Content = new CohereContent { Text = text } });
            }

            return;
        }

        var role = message.Role == ChatRole.System ? "system" : message.Role == ChatRole.Assistant ? "assistant" : "user";
        var wire = new CohereMessage { Role = role };
        var parts = new List<CohereContentPart>();
        var hasImage = false;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextReasoningContent reasoning when role == "assistant":
                    wire.ToolPlan = (wire.ToolPlan ?? string.Empty) + reasoning.Text;
                    break;
                case TextReasoningContent:
                    break;
                case TextContent text when text.Text.Length > 0:
                    parts.Add(new CohereContentPart { Type = "text", Text = text.Text });
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(new CohereContentPart { Type = "image_url", ImageUrl = new CohereImageUrl { Url = data.Uri } });
                    hasImage = true;
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(new CohereContentPart { Type = "image_url", ImageUrl = new CohereImageUrl { Url = uri.Uri.ToString() } });
                    hasImage = true;
                    break;
                case FunctionCallContent call when role == "assistant":
                    (wire.ToolCalls ??= []).Add(new CohereToolCall
                    {
                        Id = call.CallId,
                        Type = "function",
                        Function = new CohereFunctionCall { Name = call.Name, Arguments = FunctionJson.SerializeArguments(call.Arguments) },
                    });
                    break;
            }
        }

        if (hasImage)
        {
            wire.Content = new CohereContent { Parts = parts };
        }
        else if (parts.Count > 0)
        {
            wire.Content = new CohereContent { Text = string.Concat(parts.Select(p => p.Text)) };
        }
        else if (wire.ToolCalls is null)
        {
            wire.Content = new CohereContent { Text = string.Empty };
        }

        target.Add(wire);
    }

    private static void AddTools(CohereChatRequest request, ChatOptions options)
    {
        var functions = (options.Tools ?? []).OfType<AIFunctionDeclaration>().ToList();
        if (options.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } only })
        {
            // Cohere has no "this function" choice: send only that function and require a call.
            functions = functions.Where(f => f.Name == only).ToList();
        }

        if (functions.Count == 0)
        {
            return;
        }

        request.Tools = functions.Select(f => new CohereTool
        {
            Function = new CohereFunctionDefinition
            {
                Name = f.Name,
                Description = string.IsNullOrEmpty(f.Description) ? null : f.Description,
                Parameters = f.JsonSchema,
            },
        }).ToList();
        request.ToolChoice = options.ToolMode switch
        {
            RequiredChatToolMode => "REQUIRED",
            NoneChatToolMode => "NONE",
            _ => null,
        };
    }

    /// <summary>Builds <c>documents</c> from strings (sent as plain strings) or string dictionaries (<c>{"id"?, "data":{...}}</c>).</summary>
    private static List<JsonElement>? ToDocuments(object? value)
    {
        if (value is null or string || value is not IEnumerable items)
        {
            return null;
        }

        var result = new List<JsonElement>();
        foreach (var item in items)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                switch (item)
                {
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case IEnumerable<KeyValuePair<string, string>> fields:
                        writer.WriteStartObject();
                        var pairs = fields.ToList();
                        if (pairs.FirstOrDefault(p => p.Key == "id") is { Key: not null } id)
                        {
                            writer.WriteString("id", id.Value);
                        }

                        writer.WriteStartObject("data");
                        foreach (var (key, fieldValue) in pairs.Where(p => p.Key != "id"))
                        {
                            writer.WriteString(key, fieldValue);
                        }

                        writer.WriteEndObject();
                        writer.WriteEndObject();
                        break;
                    default:
                        throw new ArgumentException(
                            $"{CoherePropertyNames.Documents} must hold strings or IDictionary<string, string> documents, not {item?.GetType().Name ?? "null"}.",
                            nameof(value));
                }
            }

            using var doc = JsonDocument.Parse(buffer.WrittenMemory);
            result.Add(doc.RootElement.Clone());
        }

        return result.Count > 0 ? result : null;
    }

    private static string? Field(Dictionary<string, JsonElement>? document, string name) =>
        document is not null && document.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
