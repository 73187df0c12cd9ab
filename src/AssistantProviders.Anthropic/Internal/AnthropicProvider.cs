// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>What the Anthropic provider is.</summary>
internal static class AnthropicProvider
{
    public const string Id = "anthropic";
    public const string DisplayName = "Anthropic";
    public const string DefaultModel = "claude-sonnet-4-5-20250929";
    public const string ApiVersion = "2023-06-01";
    public const int DefaultMaxTokens = 4096;
    public const string MessagesPath = "messages";
    public const string ModelsPath = "models";
    public static readonly Uri DefaultEndpoint = new("https://api.anthropic.com/v1/");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision | ModelCapabilities.Json,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        TaskTags = ["code", "vision", "long-context"],
        ApiKeyEnvironmentVariable = "ANTHROPIC_API_KEY",
        BaseUrlEnvironmentVariable = "ANTHROPIC_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddAnthropic()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<AnthropicClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<AnthropicClientOptions>(typeof(AnthropicChatClient), static (o, h, l, t) => new AnthropicChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)))
    {
        Authenticate = static _ => ProviderAuth.Header("x-api-key"),
    };
}
