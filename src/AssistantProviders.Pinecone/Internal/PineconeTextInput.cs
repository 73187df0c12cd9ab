// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>A text input of <c>/embed</c> or a document of <c>/rerank</c> (<c>{"text": ...}</c>).</summary>
internal sealed class PineconeTextInput
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
