// Licensed under the MIT License. See LICENSE in the project root.
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
        ApiKeyEnvironmentVariable = "ANTHROPIC_API_KEY",
        BaseUrlEnvironmentVariable = "ANTHROPIC_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };
}
