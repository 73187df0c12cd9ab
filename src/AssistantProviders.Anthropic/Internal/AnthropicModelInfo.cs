// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>One model of GET /v1/models.</summary>
internal sealed class AnthropicModelInfo
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>RFC 3339 release time.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    public string? Type { get; set; }
}
