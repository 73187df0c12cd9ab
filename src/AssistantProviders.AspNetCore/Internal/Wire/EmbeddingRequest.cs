// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>CreateEmbeddingRequest</c>.</summary>
internal sealed class EmbeddingRequest
{
    /// <summary>Gets or sets the input: a string or an array of strings (token arrays are refused).</summary>
    public JsonElement? Input { get; set; }

    public string? Model { get; set; }

    public string? EncodingFormat { get; set; }

    public int? Dimensions { get; set; }

    public string? User { get; set; }
}
