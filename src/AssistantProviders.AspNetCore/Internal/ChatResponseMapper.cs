// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Maps MEAI chat results to OpenAI's wire: completions, tool calls, finish reasons and usage.</summary>
internal static class ChatResponseMapper
{
    public static ChatCompletionResponse ToWire(ChatResponse response, string? requestedModel, RouteInfo info, bool explain, DateTimeOffset now)
    {
        var calls = new List<WireToolCall>();
        var text = new StringBuilder();
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent t:
                        text.Append(t.Text);
                        break;
                    case FunctionCallContent f:
                        calls.Add(new WireToolCall { Id = f.CallId, Type = "function", Function = new WireFunctionCall { Name = f.Name, Arguments = ArgumentsJson(f.Arguments) } });
                        break;
                }
            }
        }

        return new ChatCompletionResponse
        {
            Id = response.ResponseId ?? NewId(),
            Created = (response.CreatedAt ?? now).ToUnixTimeSeconds(),
            Model = response.ModelId ?? requestedModel ?? string.Empty,
            Choices =
            [
                new WireChoice
                {
                    Index = 0,
                    Message = new WireResponseMessage
                    {
                        Content = text.Length == 0 && calls.Count > 0 ? null : text.ToString(),
                        ToolCalls = calls.Count > 0 ? calls : null,
                    },
                    FinishReason = FinishReason(response.FinishReason, calls.Count > 0),
                },
            ],
            Usage = Usage(response.Usage, info.CostUsd),
            AssistantProviders = info.ToWire(explain),
        };
    }

    public static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N");

    public static string FinishReason(ChatFinishReason? reason, bool toolCalls)
    {
        if (reason is { } r)
        {
            if (r == ChatFinishReason.Length)
            {
                return "length";
            }

            if (r == ChatFinishReason.ToolCalls)
            {
                return "tool_calls";
            }

            if (r == ChatFinishReason.ContentFilter)
            {
                return "content_filter";
            }

            if (r == ChatFinishReason.Stop)
            {
                return toolCalls ? "tool_calls" : "stop";
            }
        }

        return toolCalls ? "tool_calls" : "stop";
    }

    public static WireUsage? Usage(UsageDetails? usage, decimal? costUsd)
    {
        if (usage is null && costUsd is null)
        {
            return null;
        }

        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        return new WireUsage
        {
            PromptTokens = input,
            CompletionTokens = output,
            TotalTokens = usage?.TotalTokenCount ?? input + output,
            PromptTokensDetails = usage?.CachedInputTokenCount is { } cached ? new WirePromptTokensDetails { CachedTokens = cached } : null,
            CompletionTokensDetails = usage?.ReasoningTokenCount is { } reasoning ? new WireCompletionTokensDetails { ReasoningTokens = reasoning } : null,
            CostUsd = costUsd,
        };
    }

    /// <summary>Writes a function call's arguments as the JSON object string OpenAI sends.</summary>
    public static string ArgumentsJson(IDictionary<string, object?>? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return "{}";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement e:
                e.WriteTo(writer);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            default:
                // MEAI's options know the common types; anything else is written as its text rather than failing the answer.
                if (AIJsonUtilities.DefaultOptions.TryGetTypeInfo(value.GetType(), out var info))
                {
                    JsonSerializer.Serialize(writer, value, info);
                }
                else
                {
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                }

                break;
        }
    }
}
