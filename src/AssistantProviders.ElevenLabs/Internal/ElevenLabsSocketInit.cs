// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>The first <c>stream-input</c> message (AsyncAPI <c>InitializeConnection</c>): a single space and the voice settings. The key goes in the handshake header, never here.</summary>
internal sealed class ElevenLabsSocketInit
{
    [JsonPropertyName("text")]
    public string Text { get; set; } = " ";

    [JsonPropertyName("voice_settings")]
    public ElevenLabsVoiceSettingsDto? VoiceSettings { get; set; }
}
