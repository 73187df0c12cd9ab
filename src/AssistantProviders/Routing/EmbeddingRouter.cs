// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The routed <see cref="IEmbeddingClient"/>. A batch is never split across providers, and vectors from different models
/// never mix: the first model that serves a store (<c>AdditionalProperties["store"]</c>, or the default store) pins it,
/// and failover only moves to routes of that same model.
/// </summary>
public sealed class EmbeddingRouter : IEmbeddingClient
{
    /// <summary>The options key naming the vector store a request embeds for; each store is pinned to one model.</summary>
    public const string StoreProperty = "store";

    private readonly RouteEngine _engine;
    private readonly ConcurrentDictionary<string, string> _pins = new(StringComparer.Ordinal);

    internal EmbeddingRouter(RouteEngine engine)
    {
        _engine = engine;
    }

    /// <inheritdoc/>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var batch = values as IReadOnlyList<string> ?? [.. values];
        var properties = options?.AdditionalProperties;
        var store = RouteEngine.ReadString(properties?.GetValueOrDefault(StoreProperty)) ?? string.Empty;
        var profile = RequestProfile.From(RouteOperations.Embeddings, options?.ModelId, properties, batch.Sum(v => (long)(v?.Length ?? 0)) / 4, input: batch);

        var pin = options?.ModelId is null ? _pins.GetValueOrDefault(store) : null;
        var plan = _engine.Plan(profile, typeof(IEmbeddingGenerator<string, Embedding<float>>), pin);
        if (plan.Candidates.Count > 0 && pin is null)
        {
            // Pin to the best candidate's model for this request: failover never changes the model.
            plan = _engine.Plan(profile, typeof(IEmbeddingGenerator<string, Embedding<float>>), RouteEngine.ModelIdentity(plan.Candidates[0].Provider, plan.Candidates[0].EffectiveModel));
        }

        return await _engine.ExecuteAsync(
            plan,
            (route, token) =>
            {
                var clone = options?.Clone() ?? new EmbeddingGenerationOptions();
                clone.ModelId = route.Model;
                return ((IEmbeddingGenerator<string, Embedding<float>>)route.Client).GenerateAsync(batch, clone, token);
            },
            (result, route) => new AccountingResult { Usage = result.Usage, ResponseModelId = route.EffectiveModel },
            (result, route, run, cost) =>
            {
                _pins.TryAdd(store, RouteEngine.ModelIdentity(route.Provider, route.EffectiveModel));
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

    /// <inheritdoc/>
    public void Dispose()
    {
        // The provider clients belong to the service provider.
    }
}
