// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs;

/// <summary>One voice of the account (<c>VoiceResponseModel</c>): premade, cloned, generated or from the library.</summary>
public sealed class ElevenLabsVoice
{
    /// <summary>Initializes a new instance of the <see cref="ElevenLabsVoice"/> class.</summary>
    /// <param name="voiceId">The voice id (use it as <c>TextToSpeechOptions.VoiceId</c>).</param>
    /// <param name="name">The display name.</param>
    public ElevenLabsVoice(string voiceId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voiceId);
        VoiceId = voiceId;
        Name = name ?? string.Empty;
    }

    /// <summary>Gets the voice id.</summary>
    public string VoiceId { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets or sets the category (<c>premade</c>, <c>cloned</c>, <c>generated</c>, <c>professional</c>...).</summary>
    public string? Category { get; set; }

    /// <summary>Gets or sets the description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the URL of a preview clip.</summary>
    public Uri? PreviewUrl { get; set; }

    /// <summary>Gets the labels (accent, age, gender, use case...).</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the voice's stored settings, when the vendor returned them.</summary>
    public ElevenLabsVoiceSettings? Settings { get; set; }

    /// <summary>Gets or sets a value indicating whether a cloned voice still needs verification before it can be used.</summary>
    public bool RequiresVerification { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({VoiceId})";
}
