// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>One transcription alternative: transcript, confidence, words.</summary>
internal sealed class DeepgramAlternative
{
    public string? Transcript { get; set; }

    public double? Confidence { get; set; }

    public List<DeepgramWordDto>? Words { get; set; }
}
