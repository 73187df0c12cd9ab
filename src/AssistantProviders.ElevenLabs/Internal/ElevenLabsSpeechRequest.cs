// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>The body of <c>POST /v1/text-to-speech/{voice_id}[/stream]</c> (<c>Body_text_to_speech_full</c> / <c>_stream</c>).</summary>
internal sealed class ElevenLabsSpeechRequest
{
    public string Text { get; set; } = string.Empty;

    public string? ModelId { get; set; }

    public string? LanguageCode { get; set; }

    public ElevenLabsVoiceSettingsDto? VoiceSettings { get; set; }

    public long? Seed { get; set; }

    public string? PreviousText { get; set; }

    public string? NextText { get; set; }

    public string? ApplyTextNormalization { get; set; }
}
