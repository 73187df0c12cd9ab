// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>What the Ollama provider is.</summary>
internal static class OllamaProvider
{
    public const string Id = "ollama";
    public const string DisplayName = "Ollama";
    public const string DefaultModel = "llama3.2";
    public const string DefaultEmbeddingModel = "nomic-embed-text";
    public const string HostEnvironmentVariable = "OLLAMA_HOST";
    public const string BaseUrlEnvironmentVariable = "OLLAMA_BASE_URL";
    public const string ApiKeyEnvironmentVariable = "OLLAMA_API_KEY";
    public const string ChatPath = "api/chat";
    public const string EmbedPath = "api/embed";
    public const string TagsPath = "api/tags";
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:11434/");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Local,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["local"],
        Regions = ["local"],

        // No key is required: an optional key (Ollama behind a proxy, or ollama.com) is sent as Bearer when configured.
        ApiKeyEnvironmentVariable = null,
        BaseUrlEnvironmentVariable = HostEnvironmentVariable,
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
