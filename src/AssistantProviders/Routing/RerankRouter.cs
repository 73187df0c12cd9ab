// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;

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
        var properties = options?.AdditionalProperties;
        var profile = RequestProfile.From(RouteOperations.Rerank, options?.ModelId, properties, (query.Length + documents.Sum(d => (long)(d?.Length ?? 0))) / 4);
        var plan = _engine.Plan(profile, typeof(IRerankClient));
        return await _engine.ExecuteAsync(
            plan,
            (route, token) =>
            {
                var clone = options?.Clone() ?? new RerankOptions();
                clone.ModelId = route.Model;
                return ((IRerankClient)route.Client).RerankAsync(query, documents, clone, token);
            },
            (result, route) => new AccountingResult { Usage = result.Usage, ResponseModelId = result.ModelId ?? route.EffectiveModel, Requests = 1 },
            (result, route, run, cost) =>
            {
                result.ModelId ??= route.EffectiveModel;
                result.AdditionalProperties = run.Annotate(result.AdditionalProperties, route, cost);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }
}
