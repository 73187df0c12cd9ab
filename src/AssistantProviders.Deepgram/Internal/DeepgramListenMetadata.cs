// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The <c>metadata</c> of a pre-recorded answer.</summary>
internal sealed class DeepgramListenMetadata
{
    public string? RequestId { get; set; }

    public string? Created { get; set; }

    public double? Duration { get; set; }

    public int? Channels { get; set; }

    public List<string>? Models { get; set; }

    public Dictionary<string, DeepgramModelInfo>? ModelInfo { get; set; }
}
