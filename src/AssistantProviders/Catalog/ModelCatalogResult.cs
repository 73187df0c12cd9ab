// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>The merged model list and how each provider's listing went.</summary>
public sealed class ModelCatalogResult
{
    /// <summary>Gets the models: live listings merged with the price catalog, then catalog models not listed (<see cref="ModelDescriptor.Discovered"/> false).</summary>
    public IReadOnlyList<ModelDescriptor> Models { get; init; } = [];

    /// <summary>Gets the outcome per provider and local probe. Failures are reported here, never thrown.</summary>
    public IReadOnlyList<ProviderDiscoveryStatus> Providers { get; init; } = [];

    /// <summary>Gets the time the listings were taken (the result is cached for <see cref="ModelDiscoveryOptions.CacheDuration"/>).</summary>
    public DateTimeOffset RetrievedAt { get; init; }
}
