// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>What a provider is: id, display name, locality, compliance tags, regions and modalities.</summary>
public sealed class ProviderDescriptor
{
    /// <summary>Initializes a new instance of the <see cref="ProviderDescriptor"/> class.</summary>
    /// <param name="id">The lower-case provider id used in config, keyed DI and <c>provider/model</c> ids.</param>
    /// <param name="displayName">A display name (for example <c>Groq</c>).</param>
    public ProviderDescriptor(string id, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Id = id;
        DisplayName = displayName;
    }

    /// <summary>Gets the provider id.</summary>
    public string Id { get; }

    /// <summary>Gets the display name; also the config section name under <c>AssistantProviders:Providers</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets or sets where the provider runs.</summary>
    public ProviderLocality Locality { get; set; }

    /// <summary>Gets or sets the modalities the provider offers.</summary>
    public ModelCapabilities Capabilities { get; set; }

    /// <summary>Gets or sets the compliance tags (<c>gdpr</c>, <c>hipaa</c>, <c>soc2</c>, <c>local</c>).</summary>
    public IList<string> ComplianceTags { get; set; } = [];

    /// <summary>Gets or sets the regions the provider processes data in.</summary>
    public IList<string> Regions { get; set; } = [];

    /// <summary>
    /// Gets or sets the tasks the provider is a default pick for under the <c>BestForTask</c> strategy (<c>code</c>, <c>vision</c>,
    /// <c>rag</c>, <c>web-search</c>, <c>realtime</c>, <c>multilingual</c>, <c>long-context</c>); <c>AssistantProviders:Routing:Tasks</c> overrides them.
    /// </summary>
    public IList<string> TaskTags { get; set; } = [];

    /// <summary>Gets or sets the local addresses where a server of the provider usually listens, probed by model discovery.</summary>
    public IList<LocalProbe> LocalProbes { get; set; } = [];

    /// <summary>Gets or sets the environment variable that holds the API key (for example <c>GROQ_API_KEY</c>); <see langword="null"/> when no key is needed.</summary>
    public string? ApiKeyEnvironmentVariable { get; set; }

    /// <summary>Gets or sets the environment variable that overrides the endpoint (for example <c>GROQ_BASE_URL</c>).</summary>
    public string? BaseUrlEnvironmentVariable { get; set; }

    /// <summary>Gets or sets the default endpoint.</summary>
    public Uri? DefaultEndpoint { get; set; }

    /// <summary>Gets or sets the built-in default model.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Gets a value indicating whether the provider needs an API key.</summary>
    public bool RequiresApiKey => ApiKeyEnvironmentVariable is not null;

    /// <summary>Gets the config path of the provider's key, for error messages.</summary>
    public string ApiKeyConfigPath => $"AssistantProviders:Providers:{DisplayName}:ApiKey";

    /// <inheritdoc/>
    public override string ToString() => Id;
}
