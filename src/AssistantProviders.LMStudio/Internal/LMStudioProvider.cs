// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

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
        LocalProbes = [new LocalProbe(1234, "/v1/models")],
        ApiKeyEnvironmentVariable = null,
        BaseUrlEnvironmentVariable = "LMSTUDIO_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddLMStudio()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<LMStudioClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(LMStudioChatClient), static (o, h, l, t) => new LMStudioChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(LMStudioEmbeddingGenerator), static (o, h, l, t) => new LMStudioEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)));
}
