// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>An index <c>spec</c>: only the serverless kind is created by this package.</summary>
internal sealed class PineconeIndexSpec
{
    [JsonPropertyName("serverless")]
    public PineconeServerlessSpec? Serverless { get; init; }
}
