// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;

namespace AssistantProviders.Routing;

/// <summary>
/// Why the router chose the route that served a request: the strategy, the order of the eligible candidates and why every
/// other candidate was skipped. Found under <see cref="AssistantProviderProperties.RouteExplanation"/> on routed responses.
/// </summary>
public sealed class RouteExplanation
{
    private readonly List<RouteDecision> _decisions = [];
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="RouteExplanation"/> class.</summary>
    /// <param name="operation">The operation (<c>chat</c>, <c>embeddings</c>, <c>stt</c>, <c>tts</c>, <c>rerank</c>).</param>
    /// <param name="strategy">The strategy that ordered the candidates.</param>
    /// <param name="requestedModel">The model the caller asked for, if any.</param>
    public RouteExplanation(string operation, RoutingStrategy strategy, string? requestedModel)
    {
        Operation = operation;
        Strategy = strategy;
        RequestedModel = requestedModel;
    }

    /// <summary>Gets the operation.</summary>
    public string Operation { get; }

    /// <summary>Gets the strategy that ordered the candidates.</summary>
    public RoutingStrategy Strategy { get; }

    /// <summary>Gets the model the caller asked for (<c>provider/model</c>, bare id or alias), if any.</summary>
    public string? RequestedModel { get; }

    /// <summary>Gets the tier the classifier put the request in, with its reasons, when the strategy is <see cref="RoutingStrategy.Auto"/>.</summary>
    public RequestClassification? Classification { get; internal set; }

    /// <summary>Gets the route that served the request, as <c>provider/model</c>, or <see langword="null"/> when none did.</summary>
    public string? Selected { get; internal set; }

    /// <summary>Gets the decisions, in the order they were made.</summary>
    public IReadOnlyList<RouteDecision> Decisions
    {
        get
        {
            lock (_gate)
            {
                return [.. _decisions];
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Operation).Append(" via ").Append(Strategy);
        if (Classification is not null)
        {
            text.Append(" (").Append(Classification).Append(')');
        }

        if (RequestedModel is not null)
        {
            text.Append(" for '").Append(RequestedModel).Append('\'');
        }

        text.Append(": selected ").Append(Selected ?? "none");
        foreach (var decision in Decisions)
        {
            text.Append("; ").Append(decision);
        }

        return text.ToString();
    }

    internal void Add(RouteDecision decision)
    {
        lock (_gate)
        {
            _decisions.Add(decision);
        }
    }
}
