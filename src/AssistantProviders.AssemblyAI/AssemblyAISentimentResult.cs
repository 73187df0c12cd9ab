// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI;

/// <summary>The sentiment of one sentence (<c>sentiment_analysis_results[]</c>).</summary>
public sealed class AssemblyAISentimentResult
{
    /// <summary>Initializes a new instance of the <see cref="AssemblyAISentimentResult"/> class.</summary>
    /// <param name="text">The sentence.</param>
    /// <param name="sentiment">The sentiment: <c>POSITIVE</c>, <c>NEUTRAL</c> or <c>NEGATIVE</c>.</param>
    /// <param name="startTime">Where the sentence starts in the audio.</param>
    /// <param name="endTime">Where the sentence ends in the audio.</param>
    public AssemblyAISentimentResult(string text, string sentiment, TimeSpan startTime, TimeSpan endTime)
    {
        Text = text;
        Sentiment = sentiment;
        StartTime = startTime;
        EndTime = endTime;
    }

    /// <summary>Gets the sentence.</summary>
    public string Text { get; }

    /// <summary>Gets the sentiment: <c>POSITIVE</c>, <c>NEUTRAL</c> or <c>NEGATIVE</c>.</summary>
    public string Sentiment { get; }

    /// <summary>Gets where the sentence starts in the audio.</summary>
    public TimeSpan StartTime { get; }

    /// <summary>Gets where the sentence ends in the audio.</summary>
    public TimeSpan EndTime { get; }

    /// <summary>Gets the confidence (0 to 1) of the sentiment, when given.</summary>
    public double? Confidence { get; init; }

    /// <summary>Gets the speaker, when diarization was enabled.</summary>
    public string? Speaker { get; init; }

    /// <summary>Gets the audio channel (multichannel transcripts), when given.</summary>
    public string? Channel { get; init; }
}
