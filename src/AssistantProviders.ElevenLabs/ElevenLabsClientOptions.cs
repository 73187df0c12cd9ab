// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ElevenLabs.Internal;

namespace AssistantProviders.ElevenLabs;

/// <summary>
/// Options of the ElevenLabs provider. Bound from <c>AssistantProviders:Providers:ElevenLabs</c>, <c>ELEVENLABS_API_KEY</c> and
/// <c>ELEVENLABS_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// <see cref="ProviderClientOptions.DefaultModel"/> is the text-to-speech model, default <c>eleven_multilingual_v2</c>.
/// </summary>
public sealed class ElevenLabsClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="ElevenLabsClientOptions"/> class with the public endpoint.</summary>
    public ElevenLabsClientOptions()
    {
        Endpoint = ElevenLabsProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the voice used when the request names none. Default <c>21m00Tcm4TlvDq8ikWAM</c> (Rachel, a premade voice).</summary>
    public string? DefaultVoiceId { get; set; }

    /// <summary>Gets or sets the output format used when the request sets none (<c>codec_samplerate[_bitrate]</c>). Default <c>mp3_44100_128</c>.</summary>
    public string? DefaultOutputFormat { get; set; }

    /// <summary>
    /// Gets or sets the model used when the request names none but asks for a language other than English and the default model is
    /// English-only (<c>eleven_flash_v2</c>, <c>eleven_turbo_v2</c>, <c>eleven_monolingual_v1</c>). Default <c>eleven_multilingual_v2</c>.
    /// </summary>
    public string? DefaultMultilingualModel { get; set; }

    /// <summary>Gets or sets the speech-to-text (Scribe) model used when the request names none. Default <c>scribe_v1</c>.</summary>
    public string? DefaultTranscriptionModel { get; set; }

    /// <summary>
    /// Gets or sets the base address of the <c>stream-input</c> WebSocket. When <see langword="null"/>, it is
    /// <see cref="ProviderClientOptions.Endpoint"/> with <c>ws</c>/<c>wss</c> for <c>http</c>/<c>https</c>.
    /// </summary>
    public Uri? StreamingEndpoint { get; set; }

    /// <summary>
    /// Gets or sets the largest audio accepted by <c>/v1/speech-to-text</c>, in bytes. Default and maximum: ElevenLabs' 5 GB file limit.
    /// Larger audio is rejected before (or, for a stream of unknown length, while) it is uploaded.
    /// </summary>
    public long MaxUploadBytes { get; set; } = ElevenLabsProvider.UploadLimitBytes;
}
