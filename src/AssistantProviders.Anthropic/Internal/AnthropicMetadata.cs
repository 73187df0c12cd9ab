// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>Request <c>metadata</c>: an opaque end-user id.</summary>
internal sealed class AnthropicMetadata
{
    public string? UserId { get; set; }
}
