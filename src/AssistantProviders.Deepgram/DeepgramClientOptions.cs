// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram.Internal;

namespace AssistantProviders.Deepgram;

/// <summary>
/// Options of the Deepgram provider. Bound from <c>AssistantProviders:Providers:Deepgram</c>, <c>DEEPGRAM_API_KEY</c> and
/// <c>DEEPGRAM_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// <see cref="ProviderClientOptions.DefaultModel"/> is the speech-to-text model, default <c>nova-3</c>.
/// </summary>
public sealed class DeepgramClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="DeepgramClientOptions"/> class with the public endpoint.</summary>
    public DeepgramClientOptions()
    {
        Endpoint = DeepgramProvider.DefaultEndpoint;
    }

    /// <summary>
    /// Gets or sets the live socket base address (<c>wss://api.deepgram.com/</c>). When <see langword="null"/>, it is
    /// <see cref="ProviderClientOptions.Endpoint"/> with <c>ws</c>/<c>wss</c> for <c>http</c>/<c>https</c>.
    /// </summary>
    public Uri? StreamingEndpoint { get; set; }

    /// <summary>Gets or sets the text-to-speech model (an Aura voice) used when the request names none. Default <c>aura-2-thalia-en</c>.</summary>
    public string? DefaultSpeechModel { get; set; }

    /// <summary>
    /// Gets or sets the largest audio accepted for a pre-recorded upload, in bytes. Default and maximum: Deepgram's 2 GB file limit
    /// (2,000,000,000 bytes). Larger audio is rejected before (or, for a stream of unknown length, while) it is uploaded.
    /// </summary>
    public long MaxUploadBytes { get; set; } = DeepgramProvider.UploadLimitBytes;

    /// <summary>
    /// Gets or sets how long the live socket may go without audio before a <c>KeepAlive</c> is sent. Default 3 seconds (Deepgram
    /// closes an idle socket after 10 seconds).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the longest the live socket may go without a message from the server. Default 30 seconds.</summary>
    public TimeSpan StreamingIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the size of each binary audio frame sent on the live socket. Default 8,192 bytes.</summary>
    public int StreamingChunkBytes { get; set; } = 8192;
}
