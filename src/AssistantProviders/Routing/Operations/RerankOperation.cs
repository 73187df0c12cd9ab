// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;

namespace AssistantProviders.Routing;

/// <summary>One routed rerank call (<see cref="RerankRouter.RerankAsync"/>), billed as one request (search unit).</summary>
internal sealed class RerankOperation : RouteOperation<IRerankClient, RerankResult>
{
    private readonly string _query;
    private readonly IReadOnlyList<string> _documents;
    private readonly RerankOptions? _options;

    public RerankOperation(string query, IReadOnlyList<string> documents, RerankOptions? options)
    {
        _query = query;
        _documents = documents;
        _options = options;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine)
    {
        long characters = _query.Length;
        for (var i = 0; i < _documents.Count; i++)
        {
            characters += _documents[i]?.Length ?? 0;
        }

        return RequestProfile.From(RouteOperations.Rerank, _options?.ModelId, _options?.AdditionalProperties, characters / 4);
    }

    /// <inheritdoc/>
    public override Task<RerankResult> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken)
    {
        var clone = _options?.Clone() ?? new RerankOptions();
        clone.ModelId = route.Model;
        return ClientOf(route).RerankAsync(_query, _documents, clone, cancellationToken);
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(RerankResult response, RouteCandidate route) =>
        new() { Usage = response.Usage, ResponseModelId = response.ModelId ?? route.EffectiveModel, Requests = 1 };

    /// <inheritdoc/>
    public override void Annotate(RerankResult response, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        response.ModelId ??= route.EffectiveModel;
        response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
    }
}
