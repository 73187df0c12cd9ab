// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The pre-recorded <c>POST /v1/listen</c> answer (<c>ListenV1Response</c>).</summary>
internal sealed class DeepgramListenResponse
{
    public DeepgramListenMetadata? Metadata { get; set; }

    public DeepgramListenResults? Results { get; set; }
}
