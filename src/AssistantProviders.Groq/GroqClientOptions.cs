// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq.Internal;

namespace AssistantProviders.Groq;

/// <summary>
/// Options of the Groq provider. Bound from <c>AssistantProviders:Providers:Groq</c>, <c>GROQ_API_KEY</c> and <c>GROQ_BASE_URL</c>
/// (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// </summary>
public sealed class GroqClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="GroqClientOptions"/> class with the public endpoint.</summary>
    public GroqClientOptions()
    {
        Endpoint = GroqProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the speech-to-text model used when the request names none. Default <c>whisper-large-v3-turbo</c>.</summary>
    public string? DefaultTranscriptionModel { get; set; }
}
