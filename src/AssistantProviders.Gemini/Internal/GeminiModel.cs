// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>Model</c> from <c>GET models</c>.</summary>
internal sealed class GeminiModel
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public int? InputTokenLimit { get; set; }

    public int? OutputTokenLimit { get; set; }

    public List<string>? SupportedGenerationMethods { get; set; }
}
