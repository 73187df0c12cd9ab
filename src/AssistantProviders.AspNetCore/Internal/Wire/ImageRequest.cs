// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>CreateImageRequest</c>.</summary>
internal sealed class ImageRequest
{
    public string? Prompt { get; set; }

    public string? Model { get; set; }

    public int? N { get; set; }

    public string? Quality { get; set; }

    public string? ResponseFormat { get; set; }

    public string? OutputFormat { get; set; }

    public string? Size { get; set; }

    public string? Style { get; set; }

    public string? User { get; set; }
}
