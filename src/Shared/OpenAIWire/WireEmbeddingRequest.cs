// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>POST /embeddings request body.</summary>
internal sealed class WireEmbeddingRequest
{
    public string Model { get; set; } = string.Empty;

    public IReadOnlyList<string> Input { get; set; } = [];

    public int? Dimensions { get; set; }

    public string? EncodingFormat { get; set; } = "float";

    public string? User { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
