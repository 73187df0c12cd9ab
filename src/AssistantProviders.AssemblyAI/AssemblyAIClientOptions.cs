// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AssemblyAI.Internal;

namespace AssistantProviders.AssemblyAI;

/// <summary>
/// Options of the AssemblyAI provider. Bound from <c>AssistantProviders:Providers:AssemblyAI</c>, <c>ASSEMBLYAI_API_KEY</c> and
/// <c>ASSEMBLYAI_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// <see cref="ProviderClientOptions.DefaultModel"/> is the pre-recorded speech model (<c>speech_models</c>), default <c>universal-2</c>.
/// </summary>
public sealed class AssemblyAIClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="AssemblyAIClientOptions"/> class with the public endpoint.</summary>
    public AssemblyAIClientOptions()
    {
        Endpoint = AssemblyAIProvider.DefaultEndpoint;
    }

    /// <summary>
    /// Gets or sets the live streaming endpoint (<c>wss://streaming.assemblyai.com/v3/ws</c>). When <see langword="null"/>, it is
    /// derived from <see cref="ProviderClientOptions.Endpoint"/>: the public (or EU) REST host maps to the matching streaming host,
    /// any other endpoint (a proxy, the emulator) gets <c>v3/ws</c> below it with <c>ws</c>/<c>wss</c> for <c>http</c>/<c>https</c>.
    /// </summary>
    public Uri? StreamingEndpoint { get; set; }

    /// <summary>Gets or sets the live streaming model (<c>speech_model</c>). Default <c>universal-streaming-english</c>.</summary>
    public string? DefaultStreamingModel { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether <c>GetStreamingTextAsync</c> uses the live WebSocket by default (without the
    /// <see cref="AssemblyAIPropertyNames.Live"/> option). Default <see langword="false"/>: the pre-recorded transcript is streamed as updates.
    /// </summary>
    public bool LiveStreaming { get; set; }

    /// <summary>Gets or sets the first delay between two polls of a transcript. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two polls (the backoff grows by half each poll up to this). Default 10 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the longest a pre-recorded transcription may take from upload to <c>completed</c>, polling included; past it the
    /// call fails with <see cref="ProviderTimeoutException"/>. Default 30 minutes.
    /// </summary>
    public TimeSpan TranscriptionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets a value indicating whether a transcript whose polling was cancelled or timed out is deleted
    /// (<c>DELETE /v2/transcript/{id}</c>, best effort, bounded by 5 seconds). Default <see langword="true"/>.
    /// </summary>
    public bool DeleteTranscriptOnCancel { get; set; } = true;

    /// <summary>
    /// Gets or sets the largest audio accepted for <c>/v2/upload</c>, in bytes. Default and maximum: AssemblyAI's 2.2 GB upload limit
    /// (2,200,000,000 bytes). Larger audio is rejected before (or, for a stream of unknown length, while) it is uploaded.
    /// </summary>
    public long MaxUploadBytes { get; set; } = AssemblyAIProvider.UploadLimitBytes;

    /// <summary>Gets or sets the longest a live session may go without a message from the server. Default 30 seconds.</summary>
    public TimeSpan StreamingIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
