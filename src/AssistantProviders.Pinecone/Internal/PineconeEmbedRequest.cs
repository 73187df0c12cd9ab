// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary><c>POST /embed</c> (inference plane).</summary>
internal sealed class PineconeEmbedRequest
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("parameters")]
    public JsonObject? Parameters { get; init; }

    [JsonPropertyName("inputs")]
    public required IReadOnlyList<PineconeTextInput> Inputs { get; init; }
}
