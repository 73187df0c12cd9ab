// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio.Internal;

namespace AssistantProviders.LMStudio;

/// <summary>
/// Options of the LM Studio provider. Bound from <c>AssistantProviders:Providers:LMStudio</c> and <c>LMSTUDIO_BASE_URL</c>.
/// No key is needed; plain http is allowed (LM Studio is a local provider), link-local and metadata hosts never are.
/// </summary>
public sealed class LMStudioClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="LMStudioClientOptions"/> class with <c>http://127.0.0.1:1234/v1/</c>.</summary>
    public LMStudioClientOptions()
    {
        Endpoint = LMStudioProvider.DefaultEndpoint;
    }

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>text-embedding-nomic-embed-text-v1.5</c>.</summary>
    public string? DefaultEmbeddingModel { get; set; }
}
