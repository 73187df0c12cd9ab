// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.HuggingFace.Internal;

/// <summary>What the HuggingFace provider is.</summary>
internal static class HuggingFaceProvider
{
    public const string Id = "huggingface";
    public const string DefaultModel = "meta-llama/Llama-3.1-8B-Instruct";
    public const string DefaultEmbeddingModel = "sentence-transformers/all-MiniLM-L6-v2";
    public static readonly Uri DefaultEndpoint = new("https://router.huggingface.co/v1/");
    public static readonly Uri DefaultFeatureExtractionEndpoint = new("https://router.huggingface.co/hf-inference/models/");

    public static ProviderDescriptor Create() => new(Id, "HuggingFace")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = [],
        Regions = ["us", "eu"],
        ApiKeyEnvironmentVariable = "HF_TOKEN",
        BaseUrlEnvironmentVariable = "HUGGINGFACE_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddHuggingFace()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<HuggingFaceClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(HuggingFaceChatClient), static (o, h, l, t) => new HuggingFaceChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(HuggingFaceEmbeddingGenerator), static (o, h, l, t) => new HuggingFaceEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)));
}
