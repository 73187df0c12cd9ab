// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Fireworks.Internal;

/// <summary>What the Fireworks provider is.</summary>
internal static class FireworksProvider
{
    public const string Id = "fireworks";
    public const string DefaultModel = "accounts/fireworks/models/llama-v3p3-70b-instruct";
    public const string DefaultEmbeddingModel = "nomic-ai/nomic-embed-text-v1.5";
    public static readonly Uri DefaultEndpoint = new("https://api.fireworks.ai/inference/v1/");

    public static ProviderDescriptor Create() => new(Id, "Fireworks")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["soc2", "hipaa"],
        Regions = ["us"],
        ApiKeyEnvironmentVariable = "FIREWORKS_API_KEY",
        BaseUrlEnvironmentVariable = "FIREWORKS_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
