// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>VoiceResponseModel</c>: the fields the client maps.</summary>
internal sealed class ElevenLabsVoiceDto
{
    public string? VoiceId { get; set; }

    public string? Name { get; set; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public string? PreviewUrl { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public ElevenLabsVoiceSettingsDto? Settings { get; set; }
}
