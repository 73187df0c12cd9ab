// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal;

/// <summary>The emulator's answer to a <see cref="ChatTurn"/>: text or one tool call, with usage.</summary>
internal sealed class ChatAnswer
{
    public required string Model { get; init; }

    /// <summary>Gets the answer text; null for a tool call or a filtered answer.</summary>
    public string? Text { get; init; }

    public string? ToolName { get; init; }

    public string ToolArguments { get; init; } = EmulatorDefaults.ToolArgumentsJson;

    /// <summary>Gets the hash of the request, the seed of every id in the answer.</summary>
    public ulong Seed { get; init; }

    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    public bool Filtered { get; init; }

    public bool IsToolCall => ToolName is not null;

    public int TotalTokens => PromptTokens + CompletionTokens;

    public string Id(string prefix, int length = 24) => Deterministic.Id(prefix, Seed, length);

    public string ToolCallId(string prefix) => Deterministic.Id(prefix, Seed ^ 0x5A5A5A5A5A5A5A5A, 16);
}
