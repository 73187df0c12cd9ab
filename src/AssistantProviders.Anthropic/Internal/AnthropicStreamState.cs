// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>
/// Per-stream state: id and model from <c>message_start</c>, usage merged from <c>message_start</c> and <c>message_delta</c>
/// (reported once), and the tool_use blocks whose <c>input_json_delta</c> pieces are accumulated per block index.
/// </summary>
internal sealed class AnthropicStreamState
{
    private readonly Dictionary<int, PendingToolUse> _tools = [];

    public string? ResponseId { get; set; }

    public string? ModelId { get; set; }

    public int Events { get; set; }

    public bool SawStop { get; set; }

    public bool ExposedContent { get; set; }

    public bool UsageReported { get; set; }

    public AnthropicUsage Usage { get; } = new();

    /// <summary>Takes the non-null fields of <paramref name="usage"/> (message_delta counts are cumulative).</summary>
    public void MergeUsage(AnthropicUsage? usage)
    {
        if (usage is null)
        {
            return;
        }

        Usage.InputTokens = usage.InputTokens ?? Usage.InputTokens;
        Usage.OutputTokens = usage.OutputTokens ?? Usage.OutputTokens;
        Usage.CacheReadInputTokens = usage.CacheReadInputTokens ?? Usage.CacheReadInputTokens;
        Usage.CacheCreationInputTokens = usage.CacheCreationInputTokens ?? Usage.CacheCreationInputTokens;
    }

    public void StartToolUse(int index, AnthropicContentBlock block)
    {
        var pending = new PendingToolUse(block.Id ?? string.Empty, block.Name ?? string.Empty);
        if (block.Input is { ValueKind: JsonValueKind.Object } input && input.EnumerateObject().Any())
        {
            pending.Json.Append(input.GetRawText());
            pending.FromStart = true;
        }

        _tools[index] = pending;
    }

    public void AppendToolJson(int index, string? partialJson)
    {
        if (!string.IsNullOrEmpty(partialJson) && _tools.TryGetValue(index, out var pending))
        {
            if (pending.FromStart)
            {
                // Deltas restate the input; drop the copy taken from content_block_start.
                pending.Json.Clear();
                pending.FromStart = false;
            }

            pending.Json.Append(partialJson);
        }
    }

    /// <summary>Completes a tool_use block at <c>content_block_stop</c>; <see langword="null"/> for other blocks.</summary>
    public FunctionCallContent? FinishToolUse(int index)
    {
        if (!_tools.Remove(index, out var pending))
        {
            return null;
        }

        return FunctionJson.ParseCall(pending.Id, pending.Name, pending.Json.ToString());
    }

    private sealed class PendingToolUse(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public StringBuilder Json { get; } = new();

        public bool FromStart { get; set; }
    }
}
