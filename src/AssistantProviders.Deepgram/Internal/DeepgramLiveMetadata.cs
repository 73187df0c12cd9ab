// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>A live <c>Metadata</c> message (<c>ListenV1Metadata</c>), normally the last one, after <c>CloseStream</c>.</summary>
internal sealed class DeepgramLiveMetadata
{
    public string? Type { get; set; }

    public string? RequestId { get; set; }

    public double? Duration { get; set; }

    public int? Channels { get; set; }
}
