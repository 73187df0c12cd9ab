// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Replicate.Internal;

/// <summary>
/// Maps a chat request to a Replicate language model's input (<c>prompt</c>, <c>system_prompt</c>, <c>max_tokens</c>,
/// <c>temperature</c>, <c>top_p</c>, <c>top_k</c>, <c>stop_sequences</c>, <c>seed</c>, <c>image</c>) and its prediction back to a
/// response with usage (token counts from <c>metrics</c>, compute milliseconds from <c>predict_time</c>).
/// </summary>
internal static class ReplicateChatMapper
{
    public static JsonObject Input(IEnumerable<ChatMessage> messages, ChatOptions? options, string model)
    {
        var list = messages as IList<ChatMessage> ?? [.. messages];
        if (options?.Tools is { Count: > 0 })
        {
            throw new NotSupportedException("Replicate language models take a text prompt; tool calling (ChatOptions.Tools) is not supported by ReplicateChatClient.");
        }

        var system = string.Join("\n\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Where(t => t.Length > 0));
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system = system.Length == 0 ? instructions : instructions + "\n\n" + system;
        }

        var turns = list.Where(m => m.Role != ChatRole.System).ToList();
        if (turns.Count == 0 || turns.All(m => string.IsNullOrWhiteSpace(m.Text)))
        {
            throw ReplicateErrors.BadInput("empty_prompt", "the chat request has no user text; nothing was sent.", model);
        }

        string prompt;
        if (turns.Count == 1)
        {
            prompt = turns[0].Text;
        }
        else
        {
            // A multi-turn conversation becomes one transcript; the model's own prompt template wraps it.
            var text = new StringBuilder();
            foreach (var turn in turns)
            {
                text.Append(turn.Role == ChatRole.Assistant ? "Assistant: " : "User: ").Append(turn.Text).Append("\n\n");
            }

            prompt = text.Append("Assistant:").ToString();
        }

        var input = new JsonObject { ["prompt"] = prompt };
        if (system.Length > 0)
        {
            input["system_prompt"] = system;
        }

        if (options?.MaxOutputTokens is { } max)
        {
            input["max_tokens"] = max;
        }

        if (options?.Temperature is { } temperature)
        {
            input["temperature"] = temperature;
        }

        if (options?.TopP is { } topP)
        {
            input["top_p"] = topP;
        }

        if (options?.TopK is { } topK)
        {
            input["top_k"] = topK;
        }

        if (options?.Seed is { } seed)
        {
            input["seed"] = seed;
        }

        if (options?.StopSequences is { Count: > 0 } stops)
        {
            input["stop_sequences"] = string.Join(',', stops);
        }

        if (turns.SelectMany(m => m.Contents).FirstOrDefault(c => c is DataContent { MediaType: var t } && t.StartsWith("image/", StringComparison.Ordinal) || c is UriContent) is { } image)
        {
            input["image"] = image is DataContent data ? data.Uri : ((UriContent)image).Uri.AbsoluteUri;
        }

        ReplicateInput.Merge(options?.AdditionalProperties, input, model);
        return input;
    }

    public static UsageDetails? Usage(ReplicatePredictionDto dto)
    {
        var input = ReplicateOutputs.Metric(dto, "input_token_count");
        var output = ReplicateOutputs.Metric(dto, "output_token_count");
        var ms = ReplicateOutputs.ComputeMilliseconds(dto);
        if (input is null && output is null && ms is null)
        {
            return null;
        }

        var usage = new UsageDetails
        {
            InputTokenCount = input is { } i ? (long)i : null,
            OutputTokenCount = output is { } o ? (long)o : null,
            TotalTokenCount = input is not null || output is not null ? (long)((input ?? 0) + (output ?? 0)) : null,
        };
        if (ms is { } compute)
        {
            usage.AdditionalCounts = new() { [AssistantProviderProperties.ComputeMilliseconds] = compute };
        }

        return usage;
    }

    public static AdditionalPropertiesDictionary Properties(ReplicatePredictionDto dto)
    {
        var properties = new AdditionalPropertiesDictionary { [ReplicatePropertyNames.PredictionId] = dto.Id };
        if (ReplicateOutputs.Metric(dto, "predict_time") is { } seconds && seconds >= 0)
        {
            properties[ReplicatePropertyNames.PredictTime] = TimeSpan.FromSeconds(seconds);
        }

        return properties;
    }
}
