// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Internal;

/// <summary>Maps between MEAI chat and embedding types and the Ollama native API. Pure functions; tested directly.</summary>
internal static class OllamaMapper
{
    public static OllamaChatRequest ToChatRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, string? defaultKeepAlive, bool stream)
    {
        var request = new OllamaChatRequest { Model = model, Stream = stream };
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            request.Messages.Add(new OllamaMessage { Role = "system", Content = instructions });
        }

        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            AddMessage(request.Messages, message, callNames);
        }

        request.KeepAlive = KeepAlive(options?.AdditionalProperties, OllamaPropertyNames.KeepAlive, defaultKeepAlive);
        if (options is null)
        {
            return request;
        }

        var modelOptions = new OllamaModelOptions
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            TopK = options.TopK,
            NumPredict = options.MaxOutputTokens,
            Seed = options.Seed,
            Stop = options.StopSequences is { Count: > 0 } stop ? [.. stop] : null,
            FrequencyPenalty = options.FrequencyPenalty,
            PresencePenalty = options.PresencePenalty,
            NumCtx = Int(options.AdditionalProperties, OllamaPropertyNames.NumCtx),
        };
        request.Options = modelOptions.IsEmpty ? null : modelOptions;

        if (options.Tools is { Count: > 0 } tools && options.ToolMode is not NoneChatToolMode)
        {
            foreach (var f in tools.OfType<AIFunctionDeclaration>())
            {
                (request.Tools ??= []).Add(new OllamaTool
                {
                    Function = new OllamaFunctionDefinition
                    {
                        Name = f.Name,
                        Description = string.IsNullOrEmpty(f.Description) ? null : f.Description,
                        Parameters = f.JsonSchema,
                    },
                });
            }
        }

        request.Format = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } => schema,
            ChatResponseFormatJson => Element("json"),
            _ => null,
        };

        if (options.AdditionalProperties is { } props && props.TryGetValue(OllamaPropertyNames.Think, out var think) && think is not null)
        {
            request.Think = think switch
            {
                bool b => b ? Element(true) : Element(false),
                string s when bool.TryParse(s, out var b) => Element(b),
                string s => Element(s),
                JsonElement e => e.Clone(),
                _ => throw new ArgumentException($"ChatOptions.AdditionalProperties[\"{OllamaPropertyNames.Think}\"] must be a bool or a level string (low, medium, high, max).", nameof(options)),
            };
        }

        return request;
    }

    public static OllamaEmbedRequest ToEmbedRequest(IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options, string model, string? defaultKeepAlive)
    {
        var request = new OllamaEmbedRequest
        {
            Model = model,
            Input = [.. inputs],
            Dimensions = options?.Dimensions,
            KeepAlive = KeepAlive(options?.AdditionalProperties, OllamaPropertyNames.KeepAlive, defaultKeepAlive),
        };
        if (options?.AdditionalProperties is { } props && props.TryGetValue(OllamaPropertyNames.Truncate, out var truncate) && truncate is not null)
        {
            request.Truncate = truncate switch
            {
                bool b => b,
                string s when bool.TryParse(s, out var b) => b,
                JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } e => e.GetBoolean(),
                _ => throw new ArgumentException($"EmbeddingGenerationOptions.AdditionalProperties[\"{OllamaPropertyNames.Truncate}\"] must be a bool.", nameof(options)),
            };
        }

        return request;
    }

    public static ChatResponse FromResponse(OllamaChatResponse wire, string providerId, string responseId)
    {
        var message = new ChatMessage(ChatRole.Assistant, (IList<AIContent>)[]) { MessageId = responseId, RawRepresentation = wire.Message };
        var calls = 0;
        AddContents(message.Contents, wire.Message, ref calls);
        var response = new ChatResponse(message)
        {
            ResponseId = responseId,
            ModelId = wire.Model,
            CreatedAt = ParseTime(wire.CreatedAt),
            FinishReason = ToFinishReason(wire.DoneReason, calls > 0),
            Usage = ToUsage(wire),
            RawRepresentation = wire,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = providerId },
        };
        AddDurations(response.AdditionalProperties, wire);
        return response;
    }

    /// <summary>Maps one NDJSON line. The last line (<c>done: true</c>) carries the finish reason, usage and durations.</summary>
    public static ChatResponseUpdate FromChunk(OllamaChatResponse chunk, OllamaStreamState state, string providerId)
    {
        var update = new ChatResponseUpdate
        {
            ResponseId = state.ResponseId,
            MessageId = state.ResponseId,
            ModelId = chunk.Model,
            CreatedAt = ParseTime(chunk.CreatedAt),
            Role = ChatRole.Assistant,
            RawRepresentation = chunk,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = providerId },
        };

        var calls = state.ToolCalls;
        AddContents(update.Contents, chunk.Message, ref calls);
        state.ToolCalls = calls;
        if (update.Contents.Count > 0)
        {
            state.ExposedContent = true;
        }

        if (chunk.Done == true)
        {
            state.SawDone = true;
            update.FinishReason = ToFinishReason(chunk.DoneReason, state.ToolCalls > 0);
            if (ToUsage(chunk) is { } usage)
            {
                update.Contents.Add(new UsageContent(usage));
            }

            AddDurations(update.AdditionalProperties, chunk);
        }

        return update;
    }

    public static UsageDetails? ToUsage(OllamaChatResponse wire) => ToUsage(wire.PromptEvalCount, wire.EvalCount);

    public static UsageDetails? ToUsage(int? input, int? output) =>
        input is null && output is null
            ? null
            : new UsageDetails
            {
                InputTokenCount = input,
                OutputTokenCount = output,
                TotalTokenCount = (input ?? 0) + (output ?? 0),
            };

    public static ChatFinishReason? ToFinishReason(string? doneReason, bool hasToolCalls) =>
        hasToolCalls ? ChatFinishReason.ToolCalls
        : doneReason switch
        {
            null or "" => null,
            "stop" => ChatFinishReason.Stop,
            "length" => ChatFinishReason.Length,
            _ => new ChatFinishReason(doneReason),
        };

    public static IReadOnlyList<ModelDescriptor> ToModels(OllamaTagsResponse tags, ProviderDescriptor provider)
    {
        var result = new List<ModelDescriptor>();
        foreach (var m in tags.Models ?? [])
        {
            var id = m.Name ?? m.Model;
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            var details = m.Details;
            var facts = new[] { details?.Family, details?.ParameterSize, details?.QuantizationLevel }.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
            result.Add(new ModelDescriptor(provider.Id, id)
            {
                DisplayName = facts.Count > 0 ? $"{id} ({string.Join(", ", facts)})" : id,
                OwnedBy = details?.Family,
                Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming,
                Locality = provider.Locality,
                ComplianceTags = [.. provider.ComplianceTags],
                Regions = [.. provider.Regions],
                CreatedAt = ParseTime(m.ModifiedAt),
                Discovered = true,
            });
        }

        return result;
    }

    /// <summary>Parses Ollama timestamps, which carry up to 9 fractional digits (more than <see cref="DateTimeOffset"/> accepts).</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = text[..(dot + 8)] + text[end..];
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }

    /// <summary>Converts Ollama nanoseconds to a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan? Nanoseconds(long? ns) => ns is { } n and >= 0 ? TimeSpan.FromTicks(n / 100) : null;

    private static void AddDurations(AdditionalPropertiesDictionary? properties, OllamaChatResponse wire)
    {
        if (properties is null)
        {
            return;
        }

        Put(properties, OllamaPropertyNames.TotalDuration, Nanoseconds(wire.TotalDuration));
        Put(properties, OllamaPropertyNames.LoadDuration, Nanoseconds(wire.LoadDuration));
        Put(properties, OllamaPropertyNames.PromptEvalDuration, Nanoseconds(wire.PromptEvalDuration));
        Put(properties, OllamaPropertyNames.EvalDuration, Nanoseconds(wire.EvalDuration));

        static void Put(AdditionalPropertiesDictionary properties, string key, TimeSpan? value)
        {
            if (value is { } v)
            {
                properties[key] = v;
            }
        }
    }

    private static void AddContents(IList<AIContent> contents, OllamaMessage? message, ref int callCount)
    {
        if (message is null)
        {
            return;
        }

        if (message.Thinking is { Length: > 0 } thinking)
        {
            contents.Add(new TextReasoningContent(thinking));
        }

        if (message.Content is { Length: > 0 } text)
        {
            contents.Add(new TextContent(text));
        }

        foreach (var call in message.ToolCalls ?? [])
        {
            var name = call.Function?.Name ?? string.Empty;
            var callId = string.IsNullOrEmpty(call.Id) ? NewCallId() : call.Id;
            var content = call.Function?.Arguments is { ValueKind: JsonValueKind.String } argumentsText
                ? FunctionJson.ParseCall(callId, name, argumentsText.GetString())
                : new FunctionCallContent(callId, name, FunctionJson.ToArguments(call.Function?.Arguments) ?? []);
            content.RawRepresentation = call;
            contents.Add(content);
            callCount++;
        }
    }

    private static void AddMessage(List<OllamaMessage> target, ChatMessage message, Dictionary<string, string> callNames)
    {
        var role = message.Role == ChatRole.System ? "system"
            : message.Role == ChatRole.User ? "user"
            : message.Role == ChatRole.Tool ? "tool"
            : "assistant";

        // Function results become one "tool" message each, named after the call they answer (Ollama matches by name).
        var results = message.Contents.OfType<FunctionResultContent>().ToList();
        foreach (var result in results)
        {
            target.Add(new OllamaMessage
            {
                Role = "tool",
                Content = FunctionJson.SerializeResult(result.Result),
                ToolName = callNames.TryGetValue(result.CallId, out var name) ? name : null,
            });
        }

        if (role == "tool")
        {
            return;
        }

        var wire = new OllamaMessage { Role = role };
        var text = new System.Text.StringBuilder();
        var any = false;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    text.Append(t.Text);
                    any = true;
                    break;
                case TextReasoningContent r when role == "assistant" && !string.IsNullOrEmpty(r.Text):
                    wire.Thinking = (wire.Thinking ?? string.Empty) + r.Text;
                    any = true;
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    (wire.Images ??= []).Add(Convert.ToBase64String(data.Data.Span));
                    any = true;
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    throw new NotSupportedException("Ollama takes images only as inline data: pass a DataContent (bytes) instead of a UriContent (" + uri.Uri.Scheme + " URL).");
                case FunctionCallContent call when role == "assistant":
                    callNames[call.CallId] = call.Name;
                    (wire.ToolCalls ??= []).Add(new OllamaToolCall
                    {
                        Function = new OllamaFunctionCall { Name = call.Name, Arguments = FunctionJson.ArgumentsElement(call.Arguments) },
                    });
                    any = true;
                    break;
            }
        }

        if (!any && results.Count > 0)
        {
            return;
        }

        wire.Content = text.ToString();
        target.Add(wire);
    }

    private static JsonElement? KeepAlive(AdditionalPropertiesDictionary? properties, string key, string? fallback)
    {
        object? value = fallback;
        if (properties is not null && properties.TryGetValue(key, out var requested) && requested is not null)
        {
            value = requested;
        }

        return value switch
        {
            null => null,
            TimeSpan ts => Element(ts.TotalSeconds),
            int i => Element(i),
            long l => Element(l),
            double d => Element(d),
            JsonElement e => e.Clone(),
            string s when string.IsNullOrWhiteSpace(s) => null,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => Element(seconds),
            string s => Element(s.Trim()),
            _ => throw new ArgumentException($"The \"{key}\" value must be a duration string (5m), a number of seconds or a TimeSpan."),
        };
    }

    private static int? Int(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value)
            ? value switch
            {
                int i => i,
                long l => checked((int)l),
                string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
                _ => null,
            }
            : null;

    private static string NewCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];

    private static JsonElement Element(string value) => JsonSerializer.SerializeToElement(value, OllamaJsonContext.Default.String);

    private static JsonElement Element(bool value) => JsonSerializer.SerializeToElement(value, OllamaJsonContext.Default.Boolean);

    private static JsonElement Element(double value) => JsonSerializer.SerializeToElement(value, OllamaJsonContext.Default.Double);
}
