// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama.Internal;

namespace AssistantProviders.Ollama;

/// <summary>
/// Options of the Ollama provider. Bound from <c>AssistantProviders:Providers:Ollama</c>, <c>OLLAMA_HOST</c> /
/// <c>OLLAMA_BASE_URL</c> (with or without a scheme, for example <c>localhost:11434</c>) and the optional <c>OLLAMA_API_KEY</c>.
/// No key is required; when one is set it is sent as <c>Authorization: Bearer</c> (Ollama behind a proxy, or ollama.com).
/// </summary>
public sealed class OllamaClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="OllamaClientOptions"/> class with the local endpoint <c>http://127.0.0.1:11434/</c>.</summary>
    public OllamaClientOptions()
    {
        Endpoint = OllamaProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>nomic-embed-text</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }

    /// <summary>
    /// Gets or sets how long Ollama keeps the model loaded after a request (<c>keep_alive</c>): a duration such as <c>5m</c> or
    /// <c>1h</c>, <c>0</c> to unload at once, <c>-1</c> to keep it loaded. <see langword="null"/> leaves the server default (5 minutes).
    /// A request can override it with <see cref="OllamaPropertyNames.KeepAlive"/>.
    /// </summary>
    public string? KeepAlive { get; set; }
}
