// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>The body of <c>POST /v2/transcript</c> (<c>TranscriptParams</c>): only the fields this client sets; nulls are not sent.</summary>
internal sealed class AssemblyAITranscriptRequest
{
    public string? AudioUrl { get; set; }

    public IList<string>? SpeechModels { get; set; }

    public string? LanguageCode { get; set; }

    public bool? LanguageDetection { get; set; }

    public bool? SpeakerLabels { get; set; }

    public int? SpeakersExpected { get; set; }

    public bool? SentimentAnalysis { get; set; }
}
