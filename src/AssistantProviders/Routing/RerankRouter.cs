// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>The routed <see cref="IRerankClient"/>, over the providers' keyed rerank clients, with the same failover rules as chat.</summary>
public sealed class RerankRouter : IRerankClient
{
    private readonly RouteEngine _engine;

    internal RerankRouter(RouteEngine engine)
    {
        _engine = engine;
    }

    /// <inheritdoc/>
    public async Task<RerankResult> RerankAsync(string query, IReadOnlyList<string> documents, RerankOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(documents);
        return await _engine.ExecuteAsync(new RerankOperation(query, documents, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }
}
