// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>SpeechToTextWordResponseModel</c>.</summary>
internal sealed class ElevenLabsTranscriptWord
{
    public string? Text { get; set; }

    public double? Start { get; set; }

    public double? End { get; set; }

    public string? Type { get; set; }

    public string? SpeakerId { get; set; }

    public double? Logprob { get; set; }
}
