// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Perplexity.Internal;

/// <summary>What the Perplexity provider is.</summary>
internal static class PerplexityProvider
{
    public const string Id = "perplexity";
    public const string DefaultModel = "sonar";
    public static readonly Uri DefaultEndpoint = new("https://api.perplexity.ai/");

    public static ProviderDescriptor Create() => new(Id, "Perplexity")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Json,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        ApiKeyEnvironmentVariable = "PERPLEXITY_API_KEY",
        BaseUrlEnvironmentVariable = "PERPLEXITY_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
