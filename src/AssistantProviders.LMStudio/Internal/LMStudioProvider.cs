// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.LMStudio.Internal;

/// <summary>What the LM Studio provider is: local, no key, plain http allowed.</summary>
internal static class LMStudioProvider
{
    public const string Id = "lmstudio";
    public const string DefaultModel = "local-model";
    public const string DefaultEmbeddingModel = "text-embedding-nomic-embed-text-v1.5";
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:1234/v1/");

    public static ProviderDescriptor Create() => new(Id, "LMStudio")
    {
        Locality = ProviderLocality.Local,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["local"],
        Regions = ["local"],
        ApiKeyEnvironmentVariable = null,
        BaseUrlEnvironmentVariable = "LMSTUDIO_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
