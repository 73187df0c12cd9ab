// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

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
        TaskTags = ["rag", "code", "multilingual"],
        ApiKeyEnvironmentVariable = "MISTRAL_API_KEY",
        BaseUrlEnvironmentVariable = "MISTRAL_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddMistral()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<MistralClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(MistralChatClient), static (o, h, l, t) => new MistralChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(MistralEmbeddingGenerator), static (o, h, l, t) => new MistralEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)));
}
