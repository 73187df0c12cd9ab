// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>CreateChatCompletionRequest</c>: the fields the gateway maps (others are accepted and ignored).</summary>
internal sealed class ChatCompletionRequest
{
    public string? Model { get; set; }

    public List<WireChatMessage>? Messages { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? MaxTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    /// <summary>Gets or sets the stop sequences: a string or an array of strings.</summary>
    public JsonElement? Stop { get; set; }

    public long? Seed { get; set; }

    public float? FrequencyPenalty { get; set; }

    public float? PresencePenalty { get; set; }

    public int? N { get; set; }

    public bool? Logprobs { get; set; }

    public List<WireTool>? Tools { get; set; }

    /// <summary>Gets or sets the tool choice: <c>none</c>, <c>auto</c>, <c>required</c> or a named function.</summary>
    public JsonElement? ToolChoice { get; set; }

    public bool? ParallelToolCalls { get; set; }

    public WireResponseFormat? ResponseFormat { get; set; }

    public bool? Stream { get; set; }

    public WireStreamOptions? StreamOptions { get; set; }

    public string? User { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
