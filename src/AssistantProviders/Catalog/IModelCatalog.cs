// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>
/// Lists the models the configured providers serve: each provider's live listing (its keyed <see cref="IModelDiscovery"/>)
/// merged with the price catalog, plus models of local servers found by probing the addresses the registered providers'
/// definitions declare (<see cref="ProviderDescriptor.LocalProbes"/>), which are routable at cost 0.
/// </summary>
public interface IModelCatalog
{
    /// <summary>Lists the models. Failures are reported per provider in the result, never thrown.</summary>
    /// <param name="refresh"><see langword="true"/> to bypass the cache.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The merged listing.</returns>
    Task<ModelCatalogResult> ListModelsAsync(bool refresh = false, CancellationToken cancellationToken = default);
}
