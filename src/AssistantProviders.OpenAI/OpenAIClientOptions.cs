// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI.Internal;

namespace AssistantProviders.OpenAI;

/// <summary>
/// Options of the OpenAI provider. Bound from <c>AssistantProviders:Providers:OpenAI</c>, <c>OPENAI_API_KEY</c> and
/// <c>OPENAI_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// </summary>
public sealed class OpenAIClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="OpenAIClientOptions"/> class with the public endpoint.</summary>
    public OpenAIClientOptions()
    {
        Endpoint = OpenAIProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>text-embedding-3-small</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }

    /// <summary>Gets or sets the speech-to-text model used when the request names none. Default <c>whisper-1</c>.</summary>
    public string? DefaultTranscriptionModel { get; set; }

    /// <summary>Gets or sets the text-to-speech model used when the request names none. Default <c>gpt-4o-mini-tts</c>.</summary>
    public string? DefaultSpeechModel { get; set; }

    /// <summary>Gets or sets the text-to-speech voice used when the request names none. Default <c>alloy</c>.</summary>
    public string? DefaultVoice { get; set; }

    /// <summary>Gets or sets the image model used when the request names none. Default <c>gpt-image-1</c>.</summary>
    public string? DefaultImageModel { get; set; }

    /// <summary>Gets or sets the organization id sent as <c>OpenAI-Organization</c>.</summary>
    public string? Organization { get; set; }

    /// <summary>Gets or sets the project id sent as <c>OpenAI-Project</c>.</summary>
    public string? Project { get; set; }
}
