// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

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
        TaskTags = ["realtime", "code"],
        ApiKeyEnvironmentVariable = "FIREWORKS_API_KEY",
        BaseUrlEnvironmentVariable = "FIREWORKS_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddFireworks()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<FireworksClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(FireworksChatClient), static (o, h, l, t) => new FireworksChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(FireworksEmbeddingGenerator), static (o, h, l, t) => new FireworksEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)));
}
