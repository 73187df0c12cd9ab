// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.OpenAI.Internal;

/// <summary>POST /images/generations request body (the spec's <c>CreateImageRequest</c>).</summary>
internal sealed class ImageWireRequest
{
    public string Prompt { get; set; } = string.Empty;

    public string? Model { get; set; }

    public int? N { get; set; }

    public string? Size { get; set; }

    public string? Quality { get; set; }

    public string? ResponseFormat { get; set; }

    public string? OutputFormat { get; set; }

    public int? OutputCompression { get; set; }

    public string? Background { get; set; }

    public string? Moderation { get; set; }

    public string? Style { get; set; }

    public string? User { get; set; }
}
