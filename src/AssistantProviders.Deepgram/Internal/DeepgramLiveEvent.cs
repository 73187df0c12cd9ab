// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>
/// A live <c>UtteranceEnd</c>, <c>SpeechStarted</c> or error message: the fields they carry (<c>channel</c> is
/// <c>[index, count]</c> here, unlike <c>Results</c>).
/// </summary>
internal sealed class DeepgramLiveEvent
{
    public string? Type { get; set; }

    public List<int>? Channel { get; set; }

    public double? LastWordEnd { get; set; }

    public double? Timestamp { get; set; }

    public string? Description { get; set; }

    public string? Message { get; set; }

    public string? Variant { get; set; }
}
