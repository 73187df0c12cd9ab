// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

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
        TaskTags = ["web-search"],
        ApiKeyEnvironmentVariable = "PERPLEXITY_API_KEY",
        BaseUrlEnvironmentVariable = "PERPLEXITY_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The documented Sonar models (Perplexity has no <c>GET /models</c>); 127k context each.</summary>
    public static IReadOnlyList<ModelDescriptor> KnownModels() =>
        [.. ((string[])["sonar", "sonar-pro", "sonar-reasoning", "sonar-reasoning-pro", "sonar-deep-research"]).Select(id => new ModelDescriptor(Id, id)
        {
            Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Json,
            ContextWindow = id == "sonar-pro" ? 200_000 : 128_000,
            Locality = ProviderLocality.Cloud,
            Tasks = ["web-search"],
        })];

    /// <summary>The declarative definition <c>AddPerplexity()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<PerplexityClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<PerplexityClientOptions>(typeof(PerplexityChatClient), static (o, h, l, t) => new PerplexityChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)));
}
