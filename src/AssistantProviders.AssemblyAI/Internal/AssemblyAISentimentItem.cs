// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>One sentiment result (<c>SentimentAnalysisResult</c>); times in milliseconds.</summary>
internal sealed class AssemblyAISentimentItem
{
    public string? Text { get; set; }

    public long? Start { get; set; }

    public long? End { get; set; }

    public string? Sentiment { get; set; }

    public double? Confidence { get; set; }

    public string? Speaker { get; set; }

    public string? Channel { get; set; }
}
