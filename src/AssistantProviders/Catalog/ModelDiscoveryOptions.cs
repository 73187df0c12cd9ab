// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>Model discovery settings, bound from <c>AssistantProviders:Discovery</c>.</summary>
public sealed class ModelDiscoveryOptions
{
    /// <summary>Gets or sets how long a merged listing is reused. Default 5 minutes.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the time allowed to each configured provider's listing. Default 10 seconds.</summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets a value indicating whether the local servers the registered providers declare are probed (their default ports). Default <see langword="true"/>.</summary>
    public bool ProbeLocalServers { get; set; } = true;

    /// <summary>Gets or sets the time allowed to each local probe. Default 500 ms.</summary>
    public TimeSpan LocalProbeTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the Ollama address to probe (the probe whose host an environment variable names); default <c>OLLAMA_HOST</c>, else <c>http://127.0.0.1:11434</c>.</summary>
    public Uri? OllamaEndpoint { get; set; }
}
