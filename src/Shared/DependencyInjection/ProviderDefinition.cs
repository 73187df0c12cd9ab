// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Shared;

/// <summary>
/// A vendor's declarative definition, kept in its <c>Internal/&lt;Vendor&gt;Provider.cs</c>: the descriptor (id, locality, tags,
/// environment variables, task tags, local probes), how its options bind from configuration, how its key is sent, and its client
/// factories. <c>Add&lt;Vendor&gt;()</c> hands it to
/// <see cref="ProviderServiceRegistration"/>.
/// </summary>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
internal sealed class ProviderDefinition<TOptions>
    where TOptions : ProviderClientOptions
{
    public ProviderDefinition(Func<ProviderDescriptor> describe, Action<TOptions, IConfiguration> bind, params ProviderClientFactory<TOptions>[] clients)
    {
        Describe = describe;
        Bind = bind;
        Clients = clients;
    }

    /// <summary>Gets a function that creates the descriptor (a fresh, mutable instance per call).</summary>
    public Func<ProviderDescriptor> Describe { get; }

    /// <summary>Gets the configuration binding (source-generated in the vendor assembly).</summary>
    public Action<TOptions, IConfiguration> Bind { get; }

    /// <summary>Gets the clients registered for the provider.</summary>
    public IReadOnlyList<ProviderClientFactory<TOptions>> Clients { get; }

    /// <summary>
    /// Gets or sets how the key is sent, from the options (OpenAI adds organization and project headers); <see langword="null"/>
    /// means <see cref="ProviderAuth.Bearer"/>.
    /// </summary>
    public Func<TOptions, Action<HttpRequestMessage, string>>? Authenticate { get; init; }

    /// <summary>Gets or sets an extra environment step, run before configuration binding (Ollama's <c>OLLAMA_HOST</c> normalisation).</summary>
    public Action<IAssistantProvidersBuilder, TOptions>? ReadEnvironment { get; init; }

    /// <summary>
    /// Builds the shared transport for one client of the vendor: the one construction path every vendor client uses (with or
    /// without dependency injection).
    /// </summary>
    /// <param name="options">The vendor's options.</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    /// <param name="logger">An optional logger.</param>
    /// <param name="timeProvider">An optional clock.</param>
    /// <returns>The transport.</returns>
    public ProviderTransport CreateTransport(TOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProviderTransport(Describe(), options, httpClient, Authenticate?.Invoke(options) ?? ProviderAuth.Bearer, logger, timeProvider);
    }
}
