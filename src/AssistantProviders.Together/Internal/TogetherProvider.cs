// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Together.Internal;

/// <summary>What the Together provider is.</summary>
internal static class TogetherProvider
{
    public const string Id = "together";
    public const string DefaultModel = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    public const string DefaultEmbeddingModel = "BAAI/bge-base-en-v1.5";
    public static readonly Uri DefaultEndpoint = new("https://api.together.xyz/v1/");

    public static ProviderDescriptor Create() => new(Id, "Together")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings | ModelCapabilities.Rerank,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        TaskTags = ["realtime"],
        ApiKeyEnvironmentVariable = "TOGETHER_API_KEY",
        BaseUrlEnvironmentVariable = "TOGETHER_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddTogether()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<TogetherClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(TogetherChatClient), static (o, h, l, t) => new TogetherChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(TogetherEmbeddingGenerator), static (o, h, l, t) => new TogetherEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)));
}
