// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Shared;

/// <summary>
/// A vendor's declarative definition, kept in its <c>Internal/&lt;Vendor&gt;Provider.cs</c>: the descriptor (id, locality, tags,
/// environment variables), how its options bind from configuration, and its client factories. <c>Add&lt;Vendor&gt;()</c> hands it to
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

    /// <summary>Gets or sets an extra environment step, run before configuration binding (Ollama's <c>OLLAMA_HOST</c> normalisation).</summary>
    public Action<IAssistantProvidersBuilder, TOptions>? ReadEnvironment { get; init; }
}
