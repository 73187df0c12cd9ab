// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>The transcript resource (<c>Transcript</c>): the fields this client reads.</summary>
internal sealed class AssemblyAITranscript
{
    public string? Id { get; set; }

    /// <summary>Gets or sets the status: <c>queued</c>, <c>processing</c>, <c>completed</c> or <c>error</c>.</summary>
    public string? Status { get; set; }

    public string? Error { get; set; }

    public string? Text { get; set; }

    /// <summary>Gets or sets the duration of the media in seconds (an integer in the spec; read leniently).</summary>
    public double? AudioDuration { get; set; }

    public double? Confidence { get; set; }

    public string? LanguageCode { get; set; }

    public double? LanguageConfidence { get; set; }

    public string? SpeechModelUsed { get; set; }

    public IList<AssemblyAITranscriptUtterance>? Utterances { get; set; }

    public IList<AssemblyAISentimentItem>? SentimentAnalysisResults { get; set; }
}
