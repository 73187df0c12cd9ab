// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>Cohere's rerank request (<c>v2/rerank</c>): the documents are strings, or objects with a <c>text</c>.</summary>
internal sealed class RerankRequest
{
    public string? Model { get; set; }

    public string? Query { get; set; }

    public List<JsonElement>? Documents { get; set; }

    public int? TopN { get; set; }

    public bool? ReturnDocuments { get; set; }
}
