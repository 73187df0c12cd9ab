// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The non-streamed answer of <c>v2/chat</c>.</summary>
internal sealed class CohereChatResponse
{
    public string? Id { get; set; }

    public CohereMessage? Message { get; set; }

    public string? FinishReason { get; set; }

    public CohereUsage? Usage { get; set; }
}
