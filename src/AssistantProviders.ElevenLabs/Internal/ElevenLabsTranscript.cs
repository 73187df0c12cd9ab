// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>SpeechToTextChunkResponseModel</c> (<c>POST /v1/speech-to-text</c>).</summary>
internal sealed class ElevenLabsTranscript
{
    public string? LanguageCode { get; set; }

    public double? LanguageProbability { get; set; }

    public string? Text { get; set; }

    public List<ElevenLabsTranscriptWord>? Words { get; set; }

    public string? TranscriptionId { get; set; }

    public double? AudioDurationSecs { get; set; }
}
