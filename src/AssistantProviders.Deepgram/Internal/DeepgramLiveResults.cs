// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>A live <c>Results</c> message (<c>ListenV1Results</c>).</summary>
internal sealed class DeepgramLiveResults
{
    public string? Type { get; set; }

    public List<int>? ChannelIndex { get; set; }

    public double? Duration { get; set; }

    public double? Start { get; set; }

    public bool? IsFinal { get; set; }

    public bool? SpeechFinal { get; set; }

    public bool? FromFinalize { get; set; }

    public DeepgramChannel? Channel { get; set; }

    public DeepgramLiveResultsMetadata? Metadata { get; set; }
}
