// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// A routed stream of updates (<see cref="RouteEngine.StreamAsync"/>): the engine opens <see cref="Open"/> on each route in
/// turn until one yields an update (failover happens only before the first update is exposed), passes every update through
/// <see cref="ContentsOf"/> and <see cref="AnnotateEach"/>, then settles the cost from <see cref="Describe"/> and lets
/// <see cref="Annotate"/> close the stream.
/// </summary>
/// <remarks>
/// <see cref="ContentsOf"/> and <see cref="AnnotateEach"/> run once per streamed chunk: keep them allocation-free (no LINQ,
/// no closures, no new property bag when the vendor already sent one).
/// </remarks>
/// <typeparam name="TClient">The keyed vendor client type (for example <c>IChatClient</c>).</typeparam>
/// <typeparam name="TUpdate">The streamed update type.</typeparam>
internal abstract class StreamingRouteOperation<TClient, TUpdate> : RouteOperation
    where TClient : class
    where TUpdate : class
{
    /// <inheritdoc/>
    public sealed override Type ClientType => typeof(TClient);

    /// <summary>Opens the stream on one route's vendor client.</summary>
    /// <param name="route">The route (its client and the model to send).</param>
    /// <param name="cancellationToken">The attempt's token (the caller's, with the route's timeouts).</param>
    /// <returns>The vendor's stream.</returns>
    public abstract IAsyncEnumerable<TUpdate> Open(RouteCandidate route, CancellationToken cancellationToken);

    /// <summary>Gets an update's contents, where the engine finds usage (per chunk: no allocation).</summary>
    /// <param name="update">The update.</param>
    /// <returns>Its contents, or <see langword="null"/>.</returns>
    public abstract IEnumerable<AIContent>? ContentsOf(TUpdate update);

    /// <summary>Stamps one update before it is exposed (served model, provider id; per chunk: no allocation when present).</summary>
    /// <param name="update">The update.</param>
    /// <param name="route">The route streaming it.</param>
    public abstract void AnnotateEach(TUpdate update, RouteCandidate route);

    /// <summary>Describes what the stream used (usage summed over the chunks, served model, billed units) for accounting.</summary>
    /// <param name="last">The last update, or <see langword="null"/>.</param>
    /// <param name="route">The route that served the stream.</param>
    /// <param name="usage">The usage summed from the streamed <see cref="UsageContent"/>, or <see langword="null"/>.</param>
    /// <returns>The accounting result; the engine adds the latency and time to first token.</returns>
    public abstract AccountingResult Describe(TUpdate? last, RouteCandidate route, UsageDetails? usage);

    /// <summary>
    /// Closes a served stream with the provider, <see cref="RouteExplanation"/>, attempts and cost: returns a closing update
    /// to yield, or <see langword="null"/> when the last update (already handed out) was annotated in place.
    /// </summary>
    /// <param name="last">The last update.</param>
    /// <param name="route">The route that served the stream.</param>
    /// <param name="run">The request's run (<see cref="RequestRun.Annotate"/> writes the routing properties).</param>
    /// <param name="cost">The settled cost, or <see langword="null"/>.</param>
    /// <returns>The closing update, or <see langword="null"/>.</returns>
    public abstract TUpdate? Annotate(TUpdate last, RouteCandidate route, RequestRun run, CostDetails? cost);

    /// <summary>Selects the vendor client of a route (the keyed <typeparamref name="TClient"/> the plan resolved).</summary>
    /// <param name="route">The route.</param>
    /// <returns>Its client.</returns>
    protected static TClient ClientOf(RouteCandidate route) => (TClient)route.Client;
}
