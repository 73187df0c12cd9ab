// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>An input message: <c>user</c> or <c>assistant</c> with content blocks.</summary>
internal sealed class AnthropicMessage
{
    public string Role { get; set; } = "user";

    public List<AnthropicContentBlock> Content { get; set; } = [];
}
