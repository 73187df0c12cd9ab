// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The <c>metadata</c> of a live <c>Results</c> message.</summary>
internal sealed class DeepgramLiveResultsMetadata
{
    public string? RequestId { get; set; }

    public string? ModelUuid { get; set; }

    public DeepgramModelInfo? ModelInfo { get; set; }
}
