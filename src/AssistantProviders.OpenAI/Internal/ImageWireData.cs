// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.OpenAI.Internal;

/// <summary>One generated image (the spec's <c>Image</c>): base64 data or a URL, and DALL-E 3's revised prompt.</summary>
internal sealed class ImageWireData
{
    public string? B64Json { get; set; }

    public string? Url { get; set; }

    public string? RevisedPrompt { get; set; }
}
