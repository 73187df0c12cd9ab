// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.OpenAI.Internal;

/// <summary>The split of the input tokens of an image call into text and image tokens.</summary>
internal sealed class ImageWireInputTokensDetails
{
    public long? TextTokens { get; set; }

    public long? ImageTokens { get; set; }
}
