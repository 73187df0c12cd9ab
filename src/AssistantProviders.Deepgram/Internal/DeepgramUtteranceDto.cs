// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>One utterance as Deepgram sends it (<c>utterances=true</c>).</summary>
internal sealed class DeepgramUtteranceDto
{
    public double? Start { get; set; }

    public double? End { get; set; }

    public double? Confidence { get; set; }

    public int? Channel { get; set; }

    public string? Transcript { get; set; }

    public int? Speaker { get; set; }
}
