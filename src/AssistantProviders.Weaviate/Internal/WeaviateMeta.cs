// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Weaviate.Internal;

/// <summary>The answer of <c>GET /v1/meta</c>.</summary>
internal sealed class WeaviateMeta
{
    public string? Hostname { get; init; }

    public string? Version { get; init; }
}
