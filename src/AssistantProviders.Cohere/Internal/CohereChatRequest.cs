// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cohere.Internal;

/// <summary>The body of <c>POST v2/chat</c>.</summary>
internal sealed class CohereChatRequest
{
    public string Model { get; set; } = string.Empty;

    public List<CohereMessage> Messages { get; set; } = [];

    public List<CohereTool>? Tools { get; set; }

    public string? ToolChoice { get; set; }

    public List<JsonElement>? Documents { get; set; }

    public CohereResponseFormat? ResponseFormat { get; set; }

    public string? SafetyMode { get; set; }

    public int? MaxTokens { get; set; }

    public List<string>? StopSequences { get; set; }

    public float? Temperature { get; set; }

    public long? Seed { get; set; }

    public float? FrequencyPenalty { get; set; }

    public float? PresencePenalty { get; set; }

    public int? K { get; set; }

    public float? P { get; set; }

    public bool? Stream { get; set; }
}
