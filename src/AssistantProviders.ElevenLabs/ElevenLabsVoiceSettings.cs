// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs;

/// <summary>
/// Voice settings for one request (<c>voice_settings</c>): unset values keep the voice's stored settings. Pass it under
/// <see cref="ElevenLabsPropertyNames.VoiceSettings"/> in <c>TextToSpeechOptions.AdditionalProperties</c>.
/// </summary>
public sealed class ElevenLabsVoiceSettings
{
    /// <summary>Gets or sets the stability 0..1 (lower: more expressive, higher: more monotone).</summary>
    public double? Stability { get; set; }

    /// <summary>Gets or sets how closely the output follows the original voice, 0..1.</summary>
    public double? SimilarityBoost { get; set; }

    /// <summary>Gets or sets the style exaggeration 0..1 (v2+ models).</summary>
    public double? Style { get; set; }

    /// <summary>Gets or sets a value indicating whether the speaker boost is on (v2+ models).</summary>
    public bool? UseSpeakerBoost { get; set; }

    /// <summary>Gets or sets the speed, 0.7..1.2 (1.0 normal). <c>TextToSpeechOptions.Speed</c> sets it too.</summary>
    public double? Speed { get; set; }
}
