// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>POST /audio/speech request body.</summary>
internal sealed class WireSpeechRequest
{
    public string Model { get; set; } = string.Empty;

    public string Input { get; set; } = string.Empty;

    public string Voice { get; set; } = "alloy";

    public string? ResponseFormat { get; set; }

    public float? Speed { get; set; }

    public string? Instructions { get; set; }
}
