// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Shared;

/// <summary>
/// One public client of a vendor on its definition: how to build it from the bound options, the named <see cref="HttpClient"/>,
/// a logger and the clock, and the service types (<c>IChatClient</c>, <c>IModelDiscovery</c>...) it is also registered as, keyed by the provider id.
/// </summary>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
internal sealed class ProviderClientFactory<TOptions>
    where TOptions : ProviderClientOptions
{
    public ProviderClientFactory(Type clientType, Func<TOptions, HttpClient, ILogger, TimeProvider, object> create, params Type[] serviceTypes)
    {
        ClientType = clientType;
        Create = create;
        ServiceTypes = serviceTypes;
    }

    /// <summary>Gets the concrete client type, registered keyed and resolved by the service types.</summary>
    public Type ClientType { get; }

    /// <summary>Gets the factory.</summary>
    public Func<TOptions, HttpClient, ILogger, TimeProvider, object> Create { get; }

    /// <summary>Gets the service types the client is registered as.</summary>
    public IReadOnlyList<Type> ServiceTypes { get; }
}
