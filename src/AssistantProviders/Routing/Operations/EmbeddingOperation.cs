// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// One routed embedding batch (<see cref="EmbeddingRouter.GenerateAsync"/>): the batch is never split, and the plan holds
/// only routes of the model the store is pinned to (the first model that serves a store pins it).
/// </summary>
internal sealed class EmbeddingOperation : RouteOperation<IEmbeddingGenerator<string, Embedding<float>>, GeneratedEmbeddings<Embedding<float>>>
{
    private readonly IReadOnlyList<string> _batch;
    private readonly EmbeddingGenerationOptions? _options;
    private readonly ConcurrentDictionary<string, string> _pins;
    private readonly string _store;

    /// <param name="batch">The texts to embed.</param>
    /// <param name="options">The caller's options.</param>
    /// <param name="pins">The router's store → model pins.</param>
    public EmbeddingOperation(IReadOnlyList<string> batch, EmbeddingGenerationOptions? options, ConcurrentDictionary<string, string> pins)
    {
        _batch = batch;
        _options = options;
        _pins = pins;
        _store = RouteEngine.ReadString(options?.AdditionalProperties?.GetValueOrDefault(EmbeddingRouter.StoreProperty)) ?? string.Empty;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine)
    {
        long characters = 0;
        for (var i = 0; i < _batch.Count; i++)
        {
            characters += _batch[i]?.Length ?? 0;
        }

        return RequestProfile.From(RouteOperations.Embeddings, _options?.ModelId, _options?.AdditionalProperties, characters / 4, input: _batch);
    }

    /// <inheritdoc/>
    public override RoutePlan Plan(RouteEngine engine, RequestProfile profile)
    {
        var pin = _options?.ModelId is null ? _pins.GetValueOrDefault(_store) : null;
        var plan = engine.Plan(profile, ClientType, pin);
        if (plan.Candidates.Count > 0 && pin is null)
        {
            // Pin to the best candidate's model for this request: failover never changes the model.
            plan = engine.Plan(profile, ClientType, RouteEngine.ModelIdentity(plan.Candidates[0].Provider, plan.Candidates[0].EffectiveModel));
        }

        return plan;
    }

    /// <inheritdoc/>
    public override Task<GeneratedEmbeddings<Embedding<float>>> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken)
    {
        var clone = _options?.Clone() ?? new EmbeddingGenerationOptions();
        clone.ModelId = route.Model;
        return ClientOf(route).GenerateAsync(_batch, clone, cancellationToken);
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(GeneratedEmbeddings<Embedding<float>> response, RouteCandidate route) =>
        new() { Usage = response.Usage, ResponseModelId = route.EffectiveModel };

    /// <inheritdoc/>
    public override void Annotate(GeneratedEmbeddings<Embedding<float>> response, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        _pins.TryAdd(_store, RouteEngine.ModelIdentity(route.Provider, route.EffectiveModel));
        response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
    }
}
