// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The <c>results</c> of a pre-recorded answer.</summary>
internal sealed class DeepgramListenResults
{
    public List<DeepgramChannel>? Channels { get; set; }

    public List<DeepgramUtteranceDto>? Utterances { get; set; }

    public DeepgramSummary? Summary { get; set; }
}
