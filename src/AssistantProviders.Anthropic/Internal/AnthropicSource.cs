// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>An image or document source: <c>{"type":"base64","media_type","data"}</c> or <c>{"type":"url","url"}</c>.</summary>
internal sealed class AnthropicSource
{
    public string Type { get; set; } = "base64";

    public string? MediaType { get; set; }

    public string? Data { get; set; }

    public string? Url { get; set; }
}
