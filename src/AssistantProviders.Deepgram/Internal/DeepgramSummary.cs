// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The <c>results.summary</c> of <c>summarize=v2</c>.</summary>
internal sealed class DeepgramSummary
{
    public string? Result { get; set; }

    public string? Short { get; set; }
}
