// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;

namespace AssistantProviders.Routing;

/// <summary>
/// A routed call that returns one response (<see cref="RouteEngine.ExecuteAsync"/>): the engine sends
/// <see cref="InvokeAsync"/> to each route in turn until one succeeds, then settles the cost from <see cref="Describe"/> and
/// lets <see cref="Annotate"/> stamp the response.
/// </summary>
/// <typeparam name="TClient">The keyed vendor client type (for example <c>IChatClient</c>).</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
internal abstract class RouteOperation<TClient, TResponse> : RouteOperation
    where TClient : class
{
    /// <inheritdoc/>
    public sealed override Type ClientType => typeof(TClient);

    /// <summary>Sends the request to one route's vendor client.</summary>
    /// <param name="route">The route (its client and the model to send).</param>
    /// <param name="cancellationToken">The attempt's token (the caller's, with the route's timeouts).</param>
    /// <returns>The vendor's response.</returns>
    public abstract Task<TResponse> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken);

    /// <summary>Describes what a successful attempt used (usage, served model, billed units) for accounting.</summary>
    /// <param name="response">The vendor's response.</param>
    /// <param name="route">The route that served it.</param>
    /// <returns>The accounting result; the engine adds the latency.</returns>
    public abstract AccountingResult Describe(TResponse response, RouteCandidate route);

    /// <summary>Stamps the response with its served model, provider, <see cref="RouteExplanation"/>, attempts and cost.</summary>
    /// <param name="response">The vendor's response.</param>
    /// <param name="route">The route that served it.</param>
    /// <param name="run">The request's run (<see cref="RequestRun.Annotate"/> writes the routing properties).</param>
    /// <param name="cost">The settled cost, or <see langword="null"/>.</param>
    public abstract void Annotate(TResponse response, RouteCandidate route, RequestRun run, CostDetails? cost);

    /// <summary>Selects the vendor client of a route (the keyed <typeparamref name="TClient"/> the plan resolved).</summary>
    /// <param name="route">The route.</param>
    /// <returns>Its client.</returns>
    protected static TClient ClientOf(RouteCandidate route) => (TClient)route.Client;
}
