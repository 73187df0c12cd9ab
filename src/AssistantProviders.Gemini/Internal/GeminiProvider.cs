// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

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
        TaskTags = ["vision", "multilingual", "long-context"],
        ApiKeyEnvironmentVariable = "GEMINI_API_KEY",
        BaseUrlEnvironmentVariable = "GEMINI_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddGemini()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<GeminiClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(GeminiChatClient), static (o, h, l, t) => new GeminiChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(GeminiEmbeddingGenerator), static (o, h, l, t) => new GeminiEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)))
    {
        Authenticate = static _ => ProviderAuth.Header(ApiKeyHeader),
    };
}
