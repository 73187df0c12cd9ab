// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>Re-orders documents by relevance to a query. Microsoft.Extensions.AI has no rerank contract, so this is ours.</summary>
public interface IRerankClient
{
    /// <summary>Scores <paramref name="documents"/> against <paramref name="query"/> and returns them best first.</summary>
    /// <param name="query">The search query.</param>
    /// <param name="documents">The candidate documents, in the caller's order. Results refer to them by index.</param>
    /// <param name="options">Optional model, top-N and vendor knobs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The scored results, highest relevance first.</returns>
    Task<RerankResult> RerankAsync(string query, IReadOnlyList<string> documents, RerankOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Returns a service of <paramref name="serviceType"/> (metadata, descriptor, the client itself) or <see langword="null"/>.</summary>
    /// <param name="serviceType">The type of service requested.</param>
    /// <param name="serviceKey">An optional key; when given, implementations return <see langword="null"/> unless they support keyed lookups.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    object? GetService(Type serviceType, object? serviceKey = null);
}
