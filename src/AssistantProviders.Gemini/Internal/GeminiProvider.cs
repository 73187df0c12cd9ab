// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>What the Gemini provider is.</summary>
internal static class GeminiProvider
{
    public const string Id = "gemini";
    public const string DefaultModel = "gemini-2.5-flash";
    public const string DefaultEmbeddingModel = "gemini-embedding-001";
    public const string ApiKeyHeader = "x-goog-api-key";
    public static readonly Uri DefaultEndpoint = new("https://generativelanguage.googleapis.com/v1beta/");

    public static ProviderDescriptor Create() => new(Id, "Gemini")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        ApiKeyEnvironmentVariable = "GEMINI_API_KEY",
        BaseUrlEnvironmentVariable = "GEMINI_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
