// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI;

/// <summary>One speaker-tagged utterance of a diarized transcript (<c>utterances[]</c>).</summary>
public sealed class AssemblyAIUtterance
{
    /// <summary>Initializes a new instance of the <see cref="AssemblyAIUtterance"/> class.</summary>
    /// <param name="speaker">The speaker label (<c>A</c>, <c>B</c>...).</param>
    /// <param name="text">The text of the utterance.</param>
    /// <param name="startTime">Where it starts in the audio.</param>
    /// <param name="endTime">Where it ends in the audio.</param>
    public AssemblyAIUtterance(string speaker, string text, TimeSpan startTime, TimeSpan endTime)
    {
        Speaker = speaker;
        Text = text;
        StartTime = startTime;
        EndTime = endTime;
    }

    /// <summary>Gets the speaker label (<c>A</c>, <c>B</c>...).</summary>
    public string Speaker { get; }

    /// <summary>Gets the text of the utterance.</summary>
    public string Text { get; }

    /// <summary>Gets where the utterance starts in the audio.</summary>
    public TimeSpan StartTime { get; }

    /// <summary>Gets where the utterance ends in the audio.</summary>
    public TimeSpan EndTime { get; }

    /// <summary>Gets the confidence (0 to 1), when given.</summary>
    public double? Confidence { get; init; }

    /// <summary>Gets the audio channel (multichannel transcripts), when given.</summary>
    public string? Channel { get; init; }
}
