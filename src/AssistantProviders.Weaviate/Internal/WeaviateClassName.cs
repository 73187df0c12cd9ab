// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>A class of the schema, by name.</summary>
internal sealed class WeaviateClassName
{
    [JsonPropertyName("class")]
    public string? Name { get; init; }
}
