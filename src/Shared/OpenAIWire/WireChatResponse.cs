// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>A chat completion, or one stream chunk (same shape: chunks carry <c>delta</c> instead of <c>message</c>).</summary>
internal sealed class WireChatResponse
{
    public string? Id { get; set; }

    [JsonPropertyName("object")]
    public string? ObjectType { get; set; }

    public long? Created { get; set; }

    public string? Model { get; set; }

    public List<WireChoice>? Choices { get; set; }

    public WireUsage? Usage { get; set; }

    public string? SystemFingerprint { get; set; }

    /// <summary>Vendor extras (<c>x_groq</c>, <c>citations</c>, <c>search_results</c>) and a mid-stream <c>error</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
