// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Mistral.Internal;

/// <summary>What the Mistral provider is.</summary>
internal static class MistralProvider
{
    public const string Id = "mistral";
    public const string DefaultModel = "mistral-small-latest";
    public const string DefaultEmbeddingModel = "mistral-embed";
    public static readonly Uri DefaultEndpoint = new("https://api.mistral.ai/v1/");

    public static ProviderDescriptor Create() => new(Id, "Mistral")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["gdpr"],
        Regions = ["eu"],
        ApiKeyEnvironmentVariable = "MISTRAL_API_KEY",
        BaseUrlEnvironmentVariable = "MISTRAL_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
