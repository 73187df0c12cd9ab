// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>A data-plane <c>pagination</c> object.</summary>
internal sealed class PineconePagination
{
    [JsonPropertyName("next")]
    public string? Next { get; init; }
}
