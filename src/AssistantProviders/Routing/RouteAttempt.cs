// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>One call the router made for a request. The list is under <see cref="AssistantProviderProperties.Attempts"/>.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Model">The model id, or <see langword="null"/> for the provider's default model.</param>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="ErrorKind">The error kind of a failed attempt.</param>
/// <param name="Latency">The time the attempt took.</param>
/// <param name="Cost">The cost of the attempt, when known (a failed stream may have been billed).</param>
public sealed record RouteAttempt(
    string Provider,
    string? Model,
    RouteAttemptOutcome Outcome,
    ProviderErrorKind? ErrorKind,
    TimeSpan Latency,
    CostDetails? Cost);
