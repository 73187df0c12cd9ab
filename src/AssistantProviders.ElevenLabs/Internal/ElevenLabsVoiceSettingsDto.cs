// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>VoiceSettingsResponseModel</c> (REST) and <c>RealtimeVoiceSettings</c> (stream-input): the same snake_case fields.</summary>
internal sealed class ElevenLabsVoiceSettingsDto
{
    public double? Stability { get; set; }

    public double? SimilarityBoost { get; set; }

    public double? Style { get; set; }

    public bool? UseSpeakerBoost { get; set; }

    public double? Speed { get; set; }
}
