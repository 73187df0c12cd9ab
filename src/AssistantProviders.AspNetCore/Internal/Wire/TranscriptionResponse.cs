// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI's transcription (<c>json</c> and <c>verbose_json</c>).</summary>
internal sealed class TranscriptionResponse
{
    public string? Task { get; set; }

    public string? Language { get; set; }

    public double? Duration { get; set; }

    public string Text { get; set; } = string.Empty;

    public WireRouteInfo? AssistantProviders { get; set; }
}
