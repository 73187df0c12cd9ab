// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>CreateSpeechRequest</c>.</summary>
internal sealed class SpeechRequest
{
    public string? Model { get; set; }

    public string? Input { get; set; }

    public string? Voice { get; set; }

    public string? ResponseFormat { get; set; }

    public float? Speed { get; set; }

    public string? Instructions { get; set; }
}
