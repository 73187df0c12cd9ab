// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Replicate.Internal;

namespace AssistantProviders.Replicate;

/// <summary>
/// Options of the Replicate provider. Bound from <c>AssistantProviders:Providers:Replicate</c>, <c>REPLICATE_API_TOKEN</c> and
/// <c>REPLICATE_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// <see cref="ProviderClientOptions.DefaultModel"/> is the image model, default <c>black-forest-labs/flux-schnell</c>. Model ids are
/// <c>owner/name</c> (an official model, run through <c>/v1/models/{owner}/{name}/predictions</c>) or <c>owner/name:version</c>
/// (any model version, run through <c>/v1/predictions</c>).
/// </summary>
public sealed class ReplicateClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="ReplicateClientOptions"/> class with the public endpoint.</summary>
    public ReplicateClientOptions()
    {
        Endpoint = ReplicateProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the language model of <see cref="ReplicateChatClient"/> when the request names none. Default <c>meta/meta-llama-3-8b-instruct</c>.</summary>
    public string? DefaultChatModel { get; set; }

    /// <summary>
    /// Gets or sets the Whisper model of <see cref="ReplicateSpeechToTextClient"/> when the request names none. Default
    /// <c>openai/whisper:8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e</c> (Whisper is not an official model, so
    /// it needs a version).
    /// </summary>
    public string? DefaultTranscriptionModel { get; set; }

    /// <summary>
    /// Gets or sets how long the create request waits for the prediction to finish (<c>Prefer: wait=N</c>, 1 to 60 seconds) before
    /// the client polls. Default 60 seconds; <see cref="TimeSpan.Zero"/> sends no <c>Prefer</c> header. It is also kept below
    /// <see cref="ProviderClientOptions.Timeout"/>.
    /// </summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets the longest a prediction may run, from its creation to its end, polling included. Past it the client sends
    /// <c>POST /v1/predictions/{id}/cancel</c> and throws <see cref="ProviderTimeoutException"/>; the same limit is sent as
    /// <c>Cancel-After</c> so Replicate stops it too. Default 10 minutes.
    /// </summary>
    public TimeSpan PredictionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the first polling interval; each poll doubles it up to <see cref="MaxPollInterval"/>. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the longest polling interval. Default 5 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the largest output file downloaded (an image, say), in bytes. A larger file fails with
    /// <see cref="ResponseTooLargeException"/>. Default 32 MiB.
    /// </summary>
    public long MaxOutputBytes { get; set; } = 32L * 1024 * 1024;
}
