// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>Lists the models a provider serves, from the vendor's own listing endpoint (<c>/models</c>, <c>/api/tags</c>…).</summary>
public interface IModelDiscovery
{
    /// <summary>Lists the models the vendor reports. Entries carry only what the vendor says; the engine merges prices and capabilities from its catalog.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default);
}
