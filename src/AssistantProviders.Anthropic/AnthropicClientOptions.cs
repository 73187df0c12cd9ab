// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic.Internal;

namespace AssistantProviders.Anthropic;

/// <summary>
/// Options of the Anthropic provider. Bound from <c>AssistantProviders:Providers:Anthropic</c>, <c>ANTHROPIC_API_KEY</c> and
/// <c>ANTHROPIC_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// </summary>
public sealed class AnthropicClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="AnthropicClientOptions"/> class with the public endpoint <c>https://api.anthropic.com/v1/</c>.</summary>
    public AnthropicClientOptions()
    {
        Endpoint = AnthropicProvider.DefaultEndpoint;
    }

    /// <summary>
    /// Gets or sets the <c>max_tokens</c> sent when <see cref="Microsoft.Extensions.AI.ChatOptions.MaxOutputTokens"/> is not set.
    /// The Messages API requires the field. Default 4096.
    /// </summary>
    public int DefaultMaxTokens { get; set; } = AnthropicProvider.DefaultMaxTokens;

    /// <summary>Gets or sets the <c>anthropic-version</c> header. Default <c>2023-06-01</c>.</summary>
    public string ApiVersion { get; set; } = AnthropicProvider.ApiVersion;

    /// <summary>Gets or sets an optional <c>anthropic-beta</c> header (comma-separated beta feature names).</summary>
    public string? Beta { get; set; }
}
