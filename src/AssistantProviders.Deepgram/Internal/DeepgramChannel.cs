// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>One audio channel's transcription alternatives.</summary>
internal sealed class DeepgramChannel
{
    public List<DeepgramAlternative>? Alternatives { get; set; }

    public string? DetectedLanguage { get; set; }
}
