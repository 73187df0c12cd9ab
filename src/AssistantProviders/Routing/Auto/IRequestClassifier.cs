// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// Puts a chat request in a complexity tier (<see cref="RequestTiers"/> or your own) for <see cref="RoutingStrategy.Auto"/>.
/// The router calls it once per request routed with <c>Auto</c>, before it plans the routes, and maps the tier to the model
/// pool configured under <c>AssistantProviders:Routing:Auto:Tiers</c>.
/// </summary>
/// <remarks>
/// The default is <see cref="HeuristicRequestClassifier"/>. When <c>AssistantProviders:Routing:Auto:Semantic:Examples</c>
/// holds example utterances, a semantic classifier (the last user message against the examples, through the routed
/// embedding generator) is used, with the heuristic as its fallback. Register your own implementation in DI to replace
/// either. An exception other than <see cref="OperationCanceledException"/> never fails the request: the router logs it and
/// routes by the heuristic classifier instead.
/// </remarks>
public interface IRequestClassifier
{
    /// <summary>Classifies a chat request.</summary>
    /// <param name="messages">The request's messages.</param>
    /// <param name="options">The request's options, if any.</param>
    /// <param name="cancellationToken">The caller's cancellation token.</param>
    /// <returns>The tier, with the reasons and scores the route explanation shows.</returns>
    ValueTask<RequestClassification> ClassifyAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken);
}
