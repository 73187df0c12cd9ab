// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Cohere.Internal;

/// <summary>What the Cohere provider is.</summary>
internal static class CohereProvider
{
    public const string Id = "cohere";
    public const string DefaultModel = "command-a-03-2025";
    public const string DefaultEmbeddingModel = "embed-english-v3.0";
    public const string DefaultRerankModel = "rerank-v3.5";
    public const string DefaultInputType = "search_document";
    public static readonly Uri DefaultEndpoint = new("https://api.cohere.com/");

    public static ProviderDescriptor Create() => new(Id, "Cohere")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings | ModelCapabilities.Rerank,
        ComplianceTags = ["soc2"],
        TaskTags = ["rag", "multilingual"],
        ApiKeyEnvironmentVariable = "COHERE_API_KEY",
        BaseUrlEnvironmentVariable = "COHERE_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddCohere()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<CohereClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(CohereChatClient), static (o, h, l, t) => new CohereChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(CohereEmbeddingGenerator), static (o, h, l, t) => new CohereEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)),
        new(typeof(CohereRerankClient), static (o, h, l, t) => new CohereRerankClient(o, h, l, t), typeof(IRerankClient)));
}
