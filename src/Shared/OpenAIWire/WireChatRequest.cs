// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>POST /chat/completions request body (OpenAI wire, shared by the OpenAI-compatible vendors).</summary>
internal sealed class WireChatRequest
{
    public string Model { get; set; } = string.Empty;

    public List<WireMessage> Messages { get; set; } = [];

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? MaxTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    public List<string>? Stop { get; set; }

    public long? Seed { get; set; }

    public float? FrequencyPenalty { get; set; }

    public float? PresencePenalty { get; set; }

    public List<WireTool>? Tools { get; set; }

    public JsonElement? ToolChoice { get; set; }

    public bool? ParallelToolCalls { get; set; }

    public WireResponseFormat? ResponseFormat { get; set; }

    public bool? Stream { get; set; }

    public WireStreamOptions? StreamOptions { get; set; }

    public string? User { get; set; }

    /// <summary>Vendor-specific fields (Perplexity search filters, Mistral safe_prompt, …) added by profiles.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
