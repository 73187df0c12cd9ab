// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>GET /v1/models page.</summary>
internal sealed class AnthropicModelList
{
    public List<AnthropicModelInfo>? Data { get; set; }

    public bool? HasMore { get; set; }

    public string? LastId { get; set; }
}
