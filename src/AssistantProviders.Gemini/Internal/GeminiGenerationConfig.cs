// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>GenerationConfig</c>.</summary>
internal sealed class GeminiGenerationConfig
{
    public List<string>? StopSequences { get; set; }

    public string? ResponseMimeType { get; set; }

    public JsonElement? ResponseSchema { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? TopK { get; set; }

    public int? MaxOutputTokens { get; set; }

    public long? Seed { get; set; }

    public float? PresencePenalty { get; set; }

    public float? FrequencyPenalty { get; set; }

    public GeminiThinkingConfig? ThinkingConfig { get; set; }
}
