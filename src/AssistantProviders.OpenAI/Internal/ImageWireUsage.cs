// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.OpenAI.Internal;

/// <summary>The GPT image models' token usage (the spec's <c>ImageGenUsage</c>).</summary>
internal sealed class ImageWireUsage
{
    public long? InputTokens { get; set; }

    public long? OutputTokens { get; set; }

    public long? TotalTokens { get; set; }

    public ImageWireInputTokensDetails? InputTokensDetails { get; set; }
}
