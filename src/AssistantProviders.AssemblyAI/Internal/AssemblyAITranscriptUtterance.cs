// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>One utterance (<c>TranscriptUtterance</c>); times in milliseconds.</summary>
internal sealed class AssemblyAITranscriptUtterance
{
    public string? Speaker { get; set; }

    public string? Text { get; set; }

    public long? Start { get; set; }

    public long? End { get; set; }

    public double? Confidence { get; set; }

    public string? Channel { get; set; }
}
